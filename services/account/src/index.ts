export { createAccountService } from './service';
export type { AccountService } from './service';
export { loadAccountConfig } from './config';
export type { AccountConfig } from './config';
export { addAccountRoutes } from './routes';
