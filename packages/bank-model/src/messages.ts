import { PoisonMessageError } from '@faultline/errors';
import { int64, messageTypes, v1 } from '@faultline/proto';
import { z } from 'zod';
import { idPatterns, isAccountRef, SYSTEM_SUBJECT } from './ids';

/**
 * Typed, validated payloads of the bank's Kafka messages. Every consumer decodes through
 * here: bytes that do not decode, or decode to something invalid (a zero amount, a malformed
 * id), become a PoisonMessageError, which the consumer sends straight to the dead-letter
 * topic instead of acting on it.
 */
const paymentId = z.string().regex(idPatterns.payment, 'malformed payment id');
const accountRef = z.string().refine(isAccountRef, 'malformed account id');
const int64Text = z
  .string()
  .regex(/^-?\d+$/)
  .transform((s) => BigInt(s));
const positive = int64Text.pipe(z.bigint().positive('must be positive'));
const leg = z.enum(['DEBIT', 'CREDIT', 'REFUND']);

const schemas = {
  [messageTypes.paymentRequested]: z.object({
    paymentId,
    fromAccountId: accountRef,
    toAccountId: accountRef,
    amount: positive,
    requestedByUserId: z.union([z.string().regex(idPatterns.user), z.literal(SYSTEM_SUBJECT)]),
    system: z.boolean(),
  }),
  [messageTypes.paymentValidated]: z.object({ paymentId }),
  [messageTypes.paymentRejected]: z.object({
    paymentId,
    reason: z.string().min(1),
    detail: z.string(),
  }),
  [messageTypes.ledgerLegRequested]: z.object({
    paymentId,
    leg,
    accountId: accountRef,
    counterpartyAccountId: accountRef,
    amount: positive,
  }),
  [messageTypes.ledgerLegPosted]: z.object({
    paymentId,
    leg,
    accountId: accountRef,
    seq: positive,
    amount: positive,
    balanceAfter: int64Text,
    duplicate: z.boolean(),
  }),
  [messageTypes.ledgerLegRejected]: z.object({
    paymentId,
    leg,
    accountId: accountRef,
    reason: z.string().min(1),
    balance: int64Text,
  }),
  [messageTypes.balanceChanged]: z.object({
    accountId: accountRef,
    seq: positive,
    balance: int64Text,
    paymentId,
    leg,
    amount: positive,
  }),
} as const;

type Schemas = typeof schemas;
export type DecodableType = keyof Schemas;
export type BankMessage<T extends DecodableType> = z.infer<Schemas[T]>;
export type PaymentRequestedMsg = BankMessage<typeof messageTypes.paymentRequested>;
export type LedgerLegRequestedMsg = BankMessage<typeof messageTypes.ledgerLegRequested>;
export type LedgerLegPostedMsg = BankMessage<typeof messageTypes.ledgerLegPosted>;
export type LedgerLegRejectedMsg = BankMessage<typeof messageTypes.ledgerLegRejected>;
export type BalanceChangedMsg = BankMessage<typeof messageTypes.balanceChanged>;

interface ProtoCodec {
  decode(bytes: Uint8Array): object;
  toObject(message: never, options: object): Record<string, unknown>;
}

const codecs: Record<DecodableType, ProtoCodec> = {
  [messageTypes.paymentRequested]: v1.PaymentRequested as unknown as ProtoCodec,
  [messageTypes.paymentValidated]: v1.PaymentValidated as unknown as ProtoCodec,
  [messageTypes.paymentRejected]: v1.PaymentRejected as unknown as ProtoCodec,
  [messageTypes.ledgerLegRequested]: v1.LedgerLegRequested as unknown as ProtoCodec,
  [messageTypes.ledgerLegPosted]: v1.LedgerLegPosted as unknown as ProtoCodec,
  [messageTypes.ledgerLegRejected]: v1.LedgerLegRejected as unknown as ProtoCodec,
  [messageTypes.balanceChanged]: v1.BalanceChanged as unknown as ProtoCodec,
};

/** Decodes and validates a payload of `type`, or throws PoisonMessageError naming why. */
export function decodeMessage<T extends DecodableType>(type: T, bytes: Uint8Array): BankMessage<T> {
  const codec = codecs[type];
  let plain: Record<string, unknown>;
  try {
    plain = codec.toObject(codec.decode(bytes) as never, {
      longs: String,
      enums: String,
      defaults: true,
    });
  } catch (err) {
    throw new PoisonMessageError(`undecodable ${type}: ${(err as Error).message}`, {
      code: 'UNDECODABLE_PAYLOAD',
      cause: err,
    });
  }
  const parsed = schemas[type].safeParse(plain);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PoisonMessageError(
      `invalid ${type}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      { code: 'INVALID_PAYLOAD' },
    );
  }
  return parsed.data as BankMessage<T>;
}

/** True when `type` is one of the payloads this module can decode. */
export function isDecodableType(type: string): type is DecodableType {
  return Object.hasOwn(codecs, type);
}

export const encode = {
  paymentRequested: (m: PaymentRequestedMsg): Uint8Array =>
    v1.PaymentRequested.encode({ ...m, amount: int64(m.amount) }).finish(),
  paymentValidated: (m: { paymentId: string }): Uint8Array =>
    v1.PaymentValidated.encode(m).finish(),
  paymentRejected: (m: { paymentId: string; reason: string; detail: string }): Uint8Array =>
    v1.PaymentRejected.encode(m).finish(),
  ledgerLegRequested: (m: LedgerLegRequestedMsg): Uint8Array =>
    v1.LedgerLegRequested.encode({
      ...m,
      leg: v1.Leg[m.leg],
      amount: int64(m.amount),
    }).finish(),
  accountOpened: (m: { accountId: string; userId: string; name: string; openedAtMs: bigint }) =>
    v1.AccountOpened.encode({ ...m, openedAtMs: int64(m.openedAtMs) }).finish(),
  userCreated: (m: { userId: string; name: string; createdAtMs: bigint }) =>
    v1.UserCreated.encode({ ...m, createdAtMs: int64(m.createdAtMs) }).finish(),
};
