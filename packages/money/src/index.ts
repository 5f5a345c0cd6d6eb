export { AmountError } from './amount-error';
export type { AmountErrorCode } from './amount-error';
export { formatAmount } from './format-amount';
export { parseAmount } from './parse-amount';
export type { AmountLimits } from './parse-amount';
export { MINOR_PER_MAJOR, parseDecimal } from './parse-decimal';
export { randomAmount } from './random-amount';
