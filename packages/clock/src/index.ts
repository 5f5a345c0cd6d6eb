export { systemClock, type Clock } from './clock';
export { checkSkew, skewOffsetMs, type ClockSkew } from './skew';
export { skewedClock } from './skewed-clock';
