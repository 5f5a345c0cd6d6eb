import { ValidationError } from '@faultline/errors';

/** Why an amount was refused; each is a stable code a client can match on. */
export type AmountErrorCode =
  | 'AMOUNT_NOT_NUMERIC'
  | 'AMOUNT_NOT_POSITIVE'
  | 'AMOUNT_TOO_PRECISE'
  | 'AMOUNT_TOO_LARGE'
  | 'AMOUNT_UNSAFE_NUMBER';

/** A 400: the amount can never be valid, so nothing may change because of it. */
export class AmountError extends ValidationError {
  constructor(code: AmountErrorCode, message: string) {
    super(message, { code });
  }
}
