import { encode, newAccountId, newPaymentId } from '@faultline/bank-model';
import { UnavailableError } from '@faultline/errors';
import { noFaults, type FaultInjector } from '@faultline/faults';
import { silentLogger } from '@faultline/observability';
import { messageTypes, topics } from '@faultline/proto';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createBatchCommandHandler, type BatchSwitches } from './batch-command-handler';
import type { LegCommand } from './coalesced-apply';
import { createLedgerMetrics } from './ledger-metrics';
import type { LedgerWriter } from './ledger-writer';
import type { OutgoingMessage } from './result-events';
import { postedResult } from './testing/fake-writer';

function setup(
  switches: BatchSwitches,
  opts: { faults?: FaultInjector; publishFails?: boolean } = {},
) {
  const calls: string[] = [];
  const sends: OutgoingMessage[][] = [];
  const writer: LedgerWriter = {
    apply: async (leg) => {
      calls.push(`apply ${leg.paymentId}`);
      return postedResult(leg);
    },
    // As the real writer: coalesce: false is `apply` leg after leg, in order.
    applyMany: async (legs: readonly LegCommand[], o = {}) => {
      if (o.coalesce === false) {
        const results = [];
        for (const l of legs) results.push(await writer.apply(l.leg, l.messageId));
        return { results, paxosRounds: results.length };
      }
      calls.push(`applyMany ${legs.length}`);
      return { results: legs.map((l) => postedResult(l.leg)), paxosRounds: 1 };
    },
  };
  const handle = createBatchCommandHandler(
    {
      writer,
      publishMany: async (m) => {
        if (opts.publishFails) throw new UnavailableError('kafka down');
        sends.push(m);
      },
      topics: topics('t.'),
      logger: silentLogger(),
      metrics: createLedgerMetrics(new Registry()),
      faults: opts.faults ?? noFaults,
    },
    switches,
  );
  return { handle, calls, sends };
}

const accountId = newAccountId();
const command = (paymentId = newPaymentId()) => ({
  key: accountId,
  envelope: { messageId: `m-${paymentId}`, type: messageTypes.ledgerLegRequested },
  payload: encode.ledgerLegRequested({
    paymentId,
    leg: 'CREDIT',
    accountId,
    counterpartyAccountId: 'treasury',
    amount: 5n,
  }),
});
const poison = {
  key: accountId,
  envelope: { messageId: 'p', type: 'x' },
  payload: new Uint8Array(),
};
const on: BatchSwitches = { coalesce: true, producerBatch: true };

describe('ledger batch command handler', () => {
  it('coalesces the run and answers it in ONE send; a poison message fails alone', async () => {
    const { handle, calls, sends } = setup(on);
    const out = await handle([command(), poison, command()]);
    expect(out[0]).toBeUndefined();
    expect(out[1]).toMatchObject({ name: 'PoisonMessageError' });
    expect(out[2]).toBeUndefined();
    expect(calls).toEqual(['applyMany 2']);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toHaveLength(4); // LedgerLegPosted + BalanceChanged per leg
  });

  it('producer batch off: one send per command', async () => {
    const { handle, sends } = setup({ coalesce: true, producerBatch: false });
    await handle([command(), command(), command()]);
    expect(sends.map((s) => s.length)).toEqual([2, 2, 2]);
  });

  it('coalesce off: the legs go through apply, in order', async () => {
    const { handle, calls } = setup({ coalesce: false, producerBatch: true });
    await handle([command(), command()]);
    expect(calls.every((c) => c.startsWith('apply '))).toBe(true);
  });

  it('a failed send fails every written command of the run (retried, answered as duplicates)', async () => {
    const { handle } = setup(on, { publishFails: true });
    const out = await handle([command(), command()]);
    expect(out.map((e) => (e as Error | undefined)?.name)).toEqual([
      'UnavailableError',
      'UnavailableError',
    ]);
  });

  it('an armed ledger crash point sends the run through the per-message path', async () => {
    const faults: FaultInjector = { ...noFaults, armed: (p) => p === 'ledger.after-write' };
    const { handle, calls, sends } = setup(on, { faults });
    await handle([command(), command()]);
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['apply', 'apply']);
    expect(sends).toHaveLength(2);
  });
});
