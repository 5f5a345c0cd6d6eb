export { authenticate } from './authenticate';
export { bankEnv, PUBLISHED_SESSION_SECRETS, sessionEnv } from './bank-env';
export {
  idPatterns,
  isAccountId,
  isAccountRef,
  isPaymentId,
  isUserId,
  newAccountId,
  newPaymentId,
  paymentIdFor,
  newUserId,
  SYSTEM_SUBJECT,
} from './ids';
export { decodeMessage, encode, isDecodableType } from './messages';
export type {
  BalanceChangedMsg,
  BankMessage,
  DecodableType,
  LedgerLegPostedMsg,
  LedgerLegRejectedMsg,
  LedgerLegRequestedMsg,
  PaymentRequestedMsg,
} from './messages';
export { canAdvance, isPaymentState, isTerminal, paymentStates, stateRank } from './payment-state';
export type { PaymentState } from './payment-state';
export { signSessionToken, signSystemToken, verifySessionToken } from './session-token';
export type { SessionClaims, VerifyResult } from './session-token';
export { ACCOUNTS_TABLE, accountsTableCql, findAccountOwner } from './accounts-table';
export { checkPaymentParties } from './payment-parties';
export type { PartyCheck, PartyRefusal, PaymentParties } from './payment-parties';
