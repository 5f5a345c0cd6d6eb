import { UnavailableError, ValidationError } from '@faultline/errors';
import { noFaults } from '@faultline/faults';
import { createMetrics, silentLogger } from '@faultline/observability';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { encodeEnvelope } from '../envelope';
import { failureHeaders } from '../headers';
import type { Publisher, RawMessage } from '../publisher';
import { Disposer, type Incoming } from './disposer';
import type { TraceEntry } from '../trace/trace-entry';
import type { BatchHandler, ConsumedMessage } from './types';

// A run through handleBatch must end each message exactly as one-by-one handling would:
// handled, to the next retry topic, or to the dead-letter topic, alone.
function setup() {
  const traced: TraceEntry[] = [];
  const sent: { topic: string; message: RawMessage }[] = [];
  const publisher: Publisher = {
    publish: () => Promise.reject(new Error('unused')),
    publishMany: () => Promise.reject(new Error('unused')),
    sendRaw: async (topic, messages) => {
      for (const message of messages) sent.push({ topic, message });
    },
    disconnect: async () => undefined,
  };
  const disposer = new Disposer({
    instanceId: 'test',
    logger: silentLogger(),
    metrics: createMetrics({ service: 'test', instanceId: 'test', processMetrics: false }),
    publisher,
    handle: () => Promise.reject(new Error('per-message handler must not run')),
    retryDelaysMs: [1000, 5000],
    heartbeatIntervalMs: 500,
    faults: noFaults,
    trace: { record: (e) => traced.push(e) },
  });
  return { disposer, sent, traced };
}

let offset = 0;
function incoming(value: Buffer): Incoming {
  const message = {
    key: Buffer.from('k'),
    value,
    offset: String(offset++),
    timestamp: String(Date.now()),
    attributes: 0,
    headers: {},
  } as KafkaMessage;
  return {
    sourceTopic: 'cmds',
    partition: 0,
    message,
    route: { origin: 'cmds', level: 0 },
    heartbeat: async () => undefined,
  };
}
const good = (id: string, correlationId = '') =>
  incoming(
    Buffer.from(
      encodeEnvelope({
        messageId: id,
        type: 'test.Thing',
        correlationId,
        causationId: '',
        attempt: 1,
        producer: 'test',
        producedAtMs: 0n,
        payload: new Uint8Array([1]),
      }),
    ),
  );

describe('Disposer.disposeBatch', () => {
  it('routes each message of a run alone: ok, poison, retriable, non-retriable', async () => {
    const { disposer, sent } = setup();
    const seen: string[][] = [];
    const handleBatch: BatchHandler = async (msgs: ConsumedMessage[]) => {
      seen.push(msgs.map((m) => m.envelope.messageId));
      return msgs.map((m) =>
        m.envelope.messageId === 'retry'
          ? new UnavailableError('cassandra down')
          : m.envelope.messageId === 'bad'
            ? new ValidationError('conflict', { code: 'LEG_CONFLICT' })
            : undefined,
      );
    };
    const out = await disposer.disposeBatch(
      [good('a'), incoming(Buffer.from('garbage')), good('retry'), good('bad'), good('b')],
      handleBatch,
    );
    expect(out.map((d) => d.outcome)).toEqual(['ok', 'dead', 'retry', 'dead', 'ok']);
    // The handler saw the decodable messages once, in order, in one call.
    expect(seen).toEqual([['a', 'retry', 'bad', 'b']]);
    expect(sent.map((s) => s.topic)).toEqual(['cmds.dlt', 'cmds.retry.1', 'cmds.dlt']);
    const headers = sent[2]?.message.headers ?? {};
    expect(String(headers[failureHeaders.errorCode])).toBe('LEG_CONFLICT');
  });

  it('a handler that throws fails the whole run, each message through the retry topics', async () => {
    const { disposer, sent } = setup();
    const out = await disposer.disposeBatch([good('a'), good('b')], () =>
      Promise.reject(new UnavailableError('kafka down')),
    );
    expect(out.map((d) => d.outcome)).toEqual(['retry', 'retry']);
    expect(sent.map((s) => s.topic)).toEqual(['cmds.retry.1', 'cmds.retry.1']);
  });

  it('a handler answering the wrong number of outcomes is a bug: dead letters, no retry loop', async () => {
    const { disposer, sent } = setup();
    const out = await disposer.disposeBatch([good('a'), good('b')], async () => [undefined]);
    expect(out.map((d) => d.outcome)).toEqual(['dead', 'dead']);
    expect(sent.map((s) => s.topic)).toEqual(['cmds.dlt', 'cmds.dlt']);
  });

  it("records a payment's deliveries and what became of them, and nothing for other messages", async () => {
    const { disposer, traced } = setup();
    await disposer.disposeBatch(
      [good('a', 'pay_1'), good('retry', 'pay_1'), good('x')],
      async (msgs) =>
        msgs.map((m) =>
          m.envelope.messageId === 'retry' ? new UnavailableError('down') : undefined,
        ),
    );
    expect(traced.map((e) => `${e.kind} ${e.messageId} ${e.paymentId} ${e.reason}`)).toEqual([
      'consume a pay_1 ',
      'consume retry pay_1 ',
      'retry retry pay_1 UNAVAILABLE',
    ]);
    expect(traced[0]).toMatchObject({
      topic: 'cmds',
      partition: 0,
      type: 'Thing',
      producer: 'test',
    });
  });
});
