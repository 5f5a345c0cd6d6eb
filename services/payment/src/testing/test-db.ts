import { newAccountId, newPaymentId, newUserId } from '@faultline/bank-model';
import { migrate, quoteIdentifier } from '@faultline/storage';
import { inject } from 'vitest';
import { testCassandra } from '../../../../test/support/cassandra';
import { uniqueName } from '../../../../test/support/names';
import type { PaymentDb } from '../payment-db';
import { createPayment, type NewPayment } from '../payment-store';
import { paymentSchema } from '../schema';

/** The payment tables in a keyspace of their own, for tests of the payment service's parts. */
export function paymentTestDb(): {
  db: PaymentDb;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
} {
  const e = inject('endpoints');
  const keyspace = uniqueName('t');
  const client = testCassandra(e, keyspace);
  return {
    db: { client, keyspace: quoteIdentifier(keyspace) },
    async setUp() {
      await migrate(client, {
        keyspace,
        replicationFactor: e.replicationFactor,
        statements: [...paymentSchema],
      });
    },
    async tearDown() {
      await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
      await client.shutdown();
    },
  };
}

/** A fresh REQUESTED payment of 5.00 between two new accounts. */
export async function seedPayment(db: PaymentDb): Promise<NewPayment> {
  const p: NewPayment = {
    paymentId: newPaymentId(),
    from: newAccountId(),
    to: newAccountId(),
    amount: 500n,
    userId: newUserId(),
    system: false,
    idempotencyKey: uniqueName('k'),
    createdAt: new Date(),
  };
  await createPayment(db, p, 'payment-test');
  return p;
}
