/**
 * Every Kafka topic, owned here so producers and consumers cannot disagree. Each topic also
 * has retry topics `<name>.retry.N` and a dead-letter topic `<name>.dlt` (created by
 * @faultline/messaging). `prefix` isolates a test run or a second sandbox.
 */
export const topicNames = {
  /** PaymentRequested, keyed by the source account. Consumer: account (validation). */
  paymentRequested: 'payment.requested',
  /** PaymentValidated / PaymentRejected, keyed by payment id. Consumer: payment (saga). */
  paymentValidation: 'payment.validation',
  /** LedgerLegRequested, keyed by the account whose chain the leg extends. Consumer: transaction. */
  ledgerCommands: 'ledger.commands',
  /** LedgerLegPosted / LedgerLegRejected, keyed by payment id. Consumer: payment (saga). */
  ledgerEvents: 'ledger.events',
  /** BalanceChanged, keyed by account id. Consumer: account (cache), control plane (live). */
  balanceChanged: 'balance.changed',
  /** UserCreated / AccountOpened, keyed by user or account id. Consumer: control plane. */
  accountEvents: 'account.events',
} as const;

export type TopicKey = keyof typeof topicNames;
export type Topics = { readonly [K in TopicKey]: string };

/** Partitions per topic: room for six consumer instances to share the work. */
export const topicPartitions = 6;

export function topics(prefix = ''): Topics {
  const out = {} as { [K in TopicKey]: string };
  for (const key of Object.keys(topicNames) as TopicKey[]) out[key] = `${prefix}${topicNames[key]}`;
  return out;
}

/** The message type names carried in Envelope.type. */
export const messageTypes = {
  paymentRequested: 'faultline.v1.PaymentRequested',
  paymentValidated: 'faultline.v1.PaymentValidated',
  paymentRejected: 'faultline.v1.PaymentRejected',
  ledgerLegRequested: 'faultline.v1.LedgerLegRequested',
  ledgerLegPosted: 'faultline.v1.LedgerLegPosted',
  ledgerLegRejected: 'faultline.v1.LedgerLegRejected',
  balanceChanged: 'faultline.v1.BalanceChanged',
  accountOpened: 'faultline.v1.AccountOpened',
  userCreated: 'faultline.v1.UserCreated',
} as const;
