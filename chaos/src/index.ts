export * from './runtime/driver';
