import { systemClock, type Clock } from '@faultline/clock';
import type { OpenAccountBody } from '@faultline/api-contract';
import {
  findAccountOwner,
  isAccountId,
  newAccountId,
  signSystemToken,
  type SessionClaims,
} from '@faultline/bank-model';
import { ForbiddenError, NotFoundError, ValidationError } from '@faultline/errors';
import { TREASURY_ACCOUNT_ID } from '@faultline/ledger-model';
import { formatAmount, parseAmount } from '@faultline/money';
import { createHash } from 'node:crypto';
import type { AccountDb } from './account-db';
import {
  claimFirstAccount,
  getAccount,
  insertAccount,
  recordFunding,
  type Account,
} from './account-store';
import { parseDisplayName } from './display-name';
import type { PaymentClient } from './payment-client';

/** The first account's gift from the treasury: 10.00 to 10,010.00. */
export const GIFT_MIN = 1_000n;
export const GIFT_MAX = 1_001_000n;

export interface OpenDeps {
  db: AccountDb;
  payments: PaymentClient;
  sessionSecret: string;
  maxAmount: bigint;
  /** Stamps created_at, signs and judges sessions (a clock-skew fault moves it). Default wall time. */
  clock?: Clock;
  /** Called once per newly written account (event + cache refresh). */
  onOpened(account: Account): Promise<void>;
}

export interface Opened {
  account: Account;
  fundingPaymentId: string;
  created: boolean;
}

/**
 * POST /accounts. The user's first account is funded from the treasury by a `system`
 * payment through the saga, so double entry holds and the sum of all balances stays zero.
 * Any later account names one of the user's accounts (`from`) and an `amount` to move from
 * it, a normal payment made with the user's own session. Every refusal happens before the
 * first write. The funding payment's Idempotency-Key is derived from the account id, so
 * re-driving a funding after a failure can never pay twice.
 */
export async function openAccount(
  deps: OpenDeps,
  claims: SessionClaims,
  authorization: string,
  input: OpenAccountBody,
): Promise<Opened> {
  if (claims.system) throw new ForbiddenError('the bank does not open accounts for itself');
  const name = parseDisplayName(input.name, 'name');
  if ((input.from === undefined) !== (input.amount === undefined))
    throw new ValidationError('name both `from` and `amount`, or neither for a first account', {
      code: 'FROM_AND_AMOUNT_TOGETHER',
    });
  if (input.from === undefined) return openFirst(deps, claims, name);

  if (!isAccountId(input.from))
    throw new ValidationError(`from: malformed account id "${input.from}"`, {
      code: 'ACCOUNT_ID_MALFORMED',
    });
  const amount = parseAmount(input.amount, { max: deps.maxAmount });
  const owner = await findAccountOwner(deps.db.client, deps.db.keyspace, input.from);
  if (owner === undefined)
    throw new NotFoundError(`no account ${input.from}`, { code: 'ACCOUNT_NOT_FOUND' });
  if (owner !== claims.userId)
    throw new ForbiddenError(`account ${input.from} is not yours`, { code: 'NOT_OWNER' });

  const account = newAccount(
    claims.userId,
    name,
    false,
    amount,
    (deps.clock ?? systemClock).date(),
  );
  await insertAccount(deps.db, account);
  await deps.onOpened(account);
  const fundingPaymentId = await fund(deps, account, authorization, input.from);
  return { account: { ...account, fundingPaymentId }, fundingPaymentId, created: true };
}

async function openFirst(deps: OpenDeps, claims: SessionClaims, name: string): Promise<Opened> {
  const candidate = newAccount(claims.userId, name, true, 0n, (deps.clock ?? systemClock).date());
  const firstId = await claimFirstAccount(deps.db, claims.userId, candidate.accountId);
  let account = firstId === candidate.accountId ? undefined : await getAccount(deps.db, firstId);
  if (account?.fundingPaymentId !== undefined)
    throw new ValidationError(
      'you already have an account: name `from` and `amount` to fund a new one',
      {
        code: 'FROM_REQUIRED',
      },
    );
  // Either a fresh claim, or an earlier first-account request died before finishing: finish
  // that one (same id, same gift, same Idempotency-Key) instead of gifting a second time.
  const created = account === undefined;
  if (account === undefined) {
    account = { ...candidate, accountId: firstId, fundingAmount: giftFor(firstId) };
    await insertAccount(deps.db, account);
    await deps.onOpened(account);
  }
  const system = `Bearer ${signSystemToken(deps.sessionSecret, deps.clock?.now())}`;
  const fundingPaymentId = await fund(deps, account, system, TREASURY_ACCOUNT_ID);
  return { account: { ...account, fundingPaymentId }, fundingPaymentId, created };
}

async function fund(
  deps: OpenDeps,
  account: Account,
  authorization: string,
  from: string,
): Promise<string> {
  const { paymentId } = await deps.payments.request({
    authorization,
    idempotencyKey: `open-${account.accountId}`,
    from,
    to: account.accountId,
    amount: formatAmount(account.fundingAmount),
  });
  await recordFunding(deps.db, account.accountId, paymentId);
  return paymentId;
}

function newAccount(
  userId: string,
  name: string,
  first: boolean,
  fundingAmount: bigint,
  createdAt: Date,
): Account {
  return {
    accountId: newAccountId(),
    userId,
    name,
    createdAt,
    first,
    fundingAmount,
    fundingPaymentId: undefined,
  };
}

/**
 * The gift of a first account, uniform in [GIFT_MIN, GIFT_MAX] and derived from the (random)
 * account id: two requests finishing the same first account always ask for the same amount,
 * so they share one payment instead of colliding on its Idempotency-Key.
 */
export function giftFor(accountId: string): bigint {
  const digest = BigInt(`0x${createHash('sha256').update(accountId).digest('hex')}`);
  return GIFT_MIN + (digest % (GIFT_MAX - GIFT_MIN + 1n));
}
