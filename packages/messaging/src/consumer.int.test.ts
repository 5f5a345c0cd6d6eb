import { UnavailableError } from '@faultline/errors';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createDeadLetters } from './dead-letters/dead-letters';
import { failureHeaders as h } from './headers';
import { createHarness, pingText, sleep, waitFor, type Harness } from './int-test-support';
import type { ConsumedMessage } from './consumer/types';

const brokers = inject('endpoints').kafkaBrokers;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

async function committedTotal(hx: Harness): Promise<bigint> {
  const admin = hx.kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId: hx.groupId, topics: [hx.topic] });
    return (offsets?.partitions ?? []).reduce(
      (n, p) => n + BigInt(Math.max(0, Number(p.offset))),
      0n,
    );
  } finally {
    await admin.disconnect();
  }
}

describe('runConsumer', () => {
  it('(a) handles each message once and commits: a new consumer in the group gets nothing', async () => {
    const hx = (harness = await createHarness(brokers));
    const seen: ConsumedMessage[] = [];
    const first = await hx.start({ handle: async (m) => void seen.push(m) });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await hx.publishPing(`acct-${i % 3}`, `m${i}`));
    await waitFor('6 messages', () => seen.length >= 6);
    await first.stop();

    expect(seen.map((m) => m.envelope.messageId).sort()).toEqual([...ids].sort());
    // Keys live on different partitions, consumed concurrently: order holds per key only, so
    // the first message is looked up by its id, not by its position in `seen`.
    const m0 = seen.find((m) => m.envelope.messageId === ids[0]);
    expect(m0).toMatchObject({ topic: hx.topic, sourceTopic: hx.topic, key: 'acct-0' });
    expect(m0?.envelope).toMatchObject({ type: 'faultline.v1.Ping', attempt: 1 });
    expect(pingText(m0!.payload)).toBe('m0');
    expect(await committedTotal(hx)).toBe(6n);

    const again: ConsumedMessage[] = [];
    await hx.start({ handle: async (m) => void again.push(m) });
    await sleep(2500);
    expect(again).toHaveLength(0);
    expect(
      await hx.metrics.registry.getSingleMetricAsString('faultline_messages_handled_total'),
    ).toMatch(/outcome="ok".* 6/);
  });

  it('(b) a retriable failure twice then success: handled on attempt 3 via the retry topics, delays respected', async () => {
    const hx = (harness = await createHarness(brokers));
    const calls: { at: number; msg: ConsumedMessage }[] = [];
    await hx.start({
      retryDelaysMs: [200, 400],
      handle: async (msg) => {
        calls.push({ at: Date.now(), msg });
        if (msg.envelope.attempt < 3) throw new UnavailableError('cassandra timed out');
      },
    });
    const id = await hx.publishPing('acct-1', 'retry me');
    await waitFor('attempt 3', () => calls.length >= 3);
    await sleep(1000); // nothing more may arrive

    expect(calls.map((c) => c.msg.envelope.attempt)).toEqual([1, 2, 3]);
    expect(calls.map((c) => c.msg.sourceTopic)).toEqual([
      hx.topic,
      `${hx.topic}.retry.1`,
      `${hx.topic}.retry.2`,
    ]);
    expect(calls.every((c) => c.msg.topic === hx.topic && c.msg.envelope.messageId === id)).toBe(
      true,
    );
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(195);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(395);
    expect(calls[2]!.msg.headers[h.errorCode]).toBe('UNAVAILABLE');
    const dl = createDeadLetters({ kafka: hx.kafka });
    expect(await dl.list(hx.topic)).toHaveLength(0);
    await dl.close();
  });

  it('(c) a message failing retriably every time ends in <topic>.dlt with the failure headers', async () => {
    const hx = (harness = await createHarness(brokers));
    const calls: ConsumedMessage[] = [];
    await hx.start({
      instanceId: 'ledger-9',
      retryDelaysMs: [100, 100],
      handle: async (msg) => {
        calls.push(msg);
        throw new UnavailableError('still down');
      },
    });
    const id = await hx.publishPing('acct-7', 'doomed');
    const dl = createDeadLetters({ kafka: hx.kafka });
    let letters = await dl.list(hx.topic);
    const deadline = Date.now() + 20_000;
    while (letters.length === 0 && Date.now() < deadline) {
      await sleep(200);
      letters = await dl.list(hx.topic);
    }
    await dl.close();

    expect(calls.map((c) => c.envelope.attempt)).toEqual([1, 2, 3]);
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter!.headers).toMatchObject({
      [h.errorCode]: 'UNAVAILABLE',
      [h.errorMessage]: 'still down',
      [h.errorRetriable]: 'true',
      [h.originTopic]: hx.topic,
      [h.originPartition]: String(calls[0]!.partition),
      [h.originOffset]: calls[0]!.offset,
      [h.attempt]: '3',
      [h.failedBy]: 'ledger-9',
    });
    expect(Date.parse(letter!.headers[h.failedAt]!)).toBeGreaterThan(Date.now() - 60_000);
    expect(letter!.key).toBe('acct-7');
    expect(letter!.envelope?.messageId).toBe(id);
    expect(letter!.reason).toEqual({ code: 'UNAVAILABLE', message: 'still down', retriable: true });
  });

  it('(d) garbage bytes go straight to .dlt with the reason; the next good message on the partition is handled', async () => {
    const hx = (harness = await createHarness(brokers));
    const seen: ConsumedMessage[] = [];
    await hx.start({ handle: async (m) => void seen.push(m) });
    const garbage = Buffer.from('not a protobuf {"amount": 1}');
    await hx.publisher.sendRaw(hx.topic, [{ key: 'acct-3', value: garbage }]);
    const good = await hx.publishPing('acct-3', 'after the poison');
    await waitFor('the good message', () => seen.length >= 1);

    expect(seen.map((m) => m.envelope.messageId)).toEqual([good]);
    const dl = createDeadLetters({ kafka: hx.kafka });
    const letters = await dl.list(hx.topic);
    await dl.close();
    expect(letters).toHaveLength(1);
    expect(letters[0]!.reason.code).toBe('UNDECODABLE_ENVELOPE');
    expect(letters[0]!.reason.retriable).toBe(false);
    expect(letters[0]!.envelope).toBeNull();
    expect(letters[0]!.partition).toBe(seen[0]!.partition);
    expect(letters[0]!.sizeBytes).toBe(garbage.length);
  });

  it('(d2) a programmer error is never retried: straight to .dlt after one call', async () => {
    const hx = (harness = await createHarness(brokers));
    let calls = 0;
    await hx.start({
      handle: async () => {
        calls++;
        throw new TypeError("Cannot read properties of undefined (reading 'amount')");
      },
    });
    await hx.publishPing('acct-1', 'bug');
    const dl = createDeadLetters({ kafka: hx.kafka });
    let letters = await dl.list(hx.topic);
    for (let i = 0; i < 50 && letters.length === 0; i++) {
      await sleep(200);
      letters = await dl.list(hx.topic);
    }
    await dl.close();
    await sleep(800); // a retry would have come back after 200 ms
    expect(calls).toBe(1);
    expect(letters[0]?.reason).toMatchObject({ code: 'TypeError', retriable: false });
  });

  it('(e) stop() mid-stream, then a new consumer: every message handled at least once', async () => {
    const hx = (harness = await createHarness(brokers));
    const total = 150;
    const seen = new Map<string, number>();
    const record = (m: ConsumedMessage) =>
      seen.set(m.envelope.messageId, (seen.get(m.envelope.messageId) ?? 0) + 1);
    const ids = await hx.publisher.publishMany(
      Array.from({ length: total }, (_, i) => ({
        topic: hx.topic,
        key: `acct-${i % 10}`,
        type: 'faultline.v1.Ping',
        payload: new Uint8Array(),
      })),
    );
    let inFlight = 0;
    const first = await hx.start({
      concurrency: 3,
      handle: async (m) => {
        inFlight++;
        await sleep(10);
        record(m);
        inFlight--;
      },
    });
    await waitFor('a third of the messages', () => seen.size >= total / 3);
    await first.stop();
    expect(inFlight).toBe(0); // stop() waited for the handlers in flight
    const handledByFirst = seen.size;
    expect(handledByFirst).toBeLessThan(total);

    await hx.start({ handle: async (m) => void record(m) });
    await waitFor('every message', () => ids.every((id) => seen.has(id)), 30_000);
    // A graceful stop commits everything it handled, so nothing is even redelivered.
    expect([...seen.values()].filter((n) => n > 1)).toEqual([]);
  });

  it('(g) a handler slower than the session timeout keeps its partition (heartbeats while it runs)', async () => {
    const hx = (harness = await createHarness(brokers));
    const calls = new Map<string, number>();
    await hx.start({
      sessionTimeout: 2000,
      heartbeatInterval: 300,
      handle: async (m) => {
        calls.set(m.envelope.messageId, (calls.get(m.envelope.messageId) ?? 0) + 1);
        if (pingText(m.payload) === 'slow') await sleep(4000);
      },
    });
    const slow = await hx.publishPing('acct-1', 'slow');
    const next = await hx.publishPing('acct-1', 'next');
    await waitFor('both messages', () => calls.has(next), 20_000);
    await sleep(1500);
    // Had the session expired, the commit would have failed and the slow message come back.
    expect(calls.get(slow)).toBe(1);
    expect(calls.get(next)).toBe(1);
    expect(await committedTotal(hx)).toBe(2n);
  });
  it('(h) keyConcurrency: keys sharing a partition with a slow key go on; each key stays in order; all committed', async () => {
    const hx = (harness = await createHarness(brokers));
    // Everything is on the topic before the consumer starts, so each partition comes as one run.
    await hx.publishPing('slow', 'slow');
    const keys = Array.from({ length: 24 }, (_, i) => `k${i}`);
    for (const k of keys) for (const n of [1, 2, 3]) await hx.publishPing(k, `${k}:${n}`);
    const handled: { key: string; text: string; partition: number; at: number }[] = [];
    let slowDone = Infinity;
    let slowPartition = -1;
    await hx.start({
      keyConcurrency: 8,
      handle: async (m) => {
        if (m.key === 'slow') {
          slowPartition = m.partition;
          await sleep(2000);
          slowDone = Date.now();
        } else await sleep(5);
        handled.push({
          key: m.key,
          text: pingText(m.payload),
          partition: m.partition,
          at: Date.now(),
        });
      },
    });
    await waitFor('every message', () => handled.length >= 1 + keys.length * 3, 20_000);

    // Keys hashed to the slow key's partition were handled while it was still running.
    const neighbours = handled.filter((x) => x.key !== 'slow' && x.partition === slowPartition);
    expect(neighbours.length).toBeGreaterThan(0);
    expect(neighbours.some((x) => x.at < slowDone)).toBe(true);
    for (const k of keys)
      expect(handled.filter((x) => x.key === k).map((x) => x.text)).toEqual([
        `${k}:1`,
        `${k}:2`,
        `${k}:3`,
      ]);
    const deadline = Date.now() + 10_000;
    let committed = await committedTotal(hx);
    while (committed !== BigInt(1 + keys.length * 3) && Date.now() < deadline) {
      await sleep(200);
      committed = await committedTotal(hx);
    }
    expect(committed).toBe(BigInt(1 + keys.length * 3));
  });
});
