export interface User {
  userId: string;
  name: string;
}

export interface LoginAnswer {
  token: string;
  user: User;
  created: boolean;
}

export interface Account {
  accountId: string;
  name: string;
  balance: string;
  balanceMinor: string;
  seq: string;
}

/** One ledger row of an account, newest first: the account's history is its chain. */
export interface LedgerLine {
  seq: string;
  paymentId: string;
  leg: string;
  amount: string;
  /** Signed: "-12.34" for a debit. */
  change: string;
  counterparty: string;
  balanceAfter: string;
  at?: string;
}

export interface AccountDetail extends Account {
  history: LedgerLine[];
}

export interface TimelineStep {
  state: string;
  at: string;
  instance: string;
  attempt: number;
  note?: string;
}

export interface Payment {
  paymentId: string;
  from: string;
  to: string;
  amount: string;
  amountMinor?: string;
  state: string;
  reason?: string;
  detail?: string;
  system?: boolean;
  createdAt: string;
  updatedAt?: string;
  timeline?: TimelineStep[];
}

export const finalStates = ['COMPLETED', 'REJECTED', 'REFUNDED'];
