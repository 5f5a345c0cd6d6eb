import { Kafka, logLevel, type Producer } from 'kafkajs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTopic } from '../../../test/support/kafka';
import { uniqueName } from '../../../test/support/names';
import { Link } from './link';
import { eventually, rejection, timed } from './testing/timing';

const brokers = inject('endpoints').kafkaBrokers;
const topic = uniqueName('links', '-');
let link: Link;
const open: Array<{ disconnect(): Promise<void> }> = [];

/** A client that knows only the link's address: every broker must be reached through it. */
function client(requestTimeout = 3000): Kafka {
  return new Kafka({
    clientId: 'links-test',
    brokers: link.addresses.map((a) => `${a.host}:${a.port}`),
    logLevel: logLevel.NOTHING,
    requestTimeout,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  });
}

async function producer(requestTimeout?: number): Promise<Producer> {
  const p = client(requestTimeout).producer({ allowAutoTopicCreation: false });
  open.push(p);
  await p.connect();
  return p;
}

const send = (p: Producer) =>
  p.send({ topic, acks: -1, timeout: 2000, messages: [{ value: 'v' }] });

beforeAll(async () => {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await createTopic(admin, topic, 1);
  await admin.disconnect();
});

afterAll(async () => {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

afterEach(async () => {
  for (const c of open.splice(0)) await c.disconnect().catch(() => undefined);
  await link.close();
});

async function openLink(): Promise<void> {
  link = await Link.open({
    name: 'test-1 -> kafka',
    protocol: 'kafka',
    routes: brokers.map((b) => {
      const [host, port] = b.split(':');
      return {
        listen: { host: '127.0.0.1', port: 0 },
        target: { host: host!, port: Number(port) },
      };
    }),
  });
}

describe('a link to a real Kafka', () => {
  it('the brokers are advertised at the link: traffic after bootstrap goes through it too', async () => {
    await openLink();
    const admin = client().admin();
    open.push(admin);
    await admin.connect();
    const { brokers: seen } = await admin.describeCluster();
    expect(seen.map((b) => `${b.host}:${b.port}`).sort()).toEqual(
      link.addresses.map((a) => `${a.host}:${a.port}`).sort(),
    );
    const p = await producer();
    await send(p);
    // A blackhole stops the produce: had the client gone to the real broker, it would pass.
    link.add({ kind: 'timeout', direction: 'upstream' });
    await expect(send(p)).rejects.toThrow();
  });

  it('latency upstream: every request waits, measured', async () => {
    await openLink();
    const p = await producer();
    await send(p);
    const fast = await timed(() => send(p));
    link.add({ kind: 'latency', meanMs: 300, direction: 'upstream' });
    const slow = await timed(() => send(p));
    expect(slow.ms).toBeGreaterThanOrEqual(295);
    expect(slow.ms - fast.ms).toBeGreaterThan(250);
  });

  it('slicer downstream: responses cut into pieces still parse (the rewrite reassembles them)', async () => {
    await openLink();
    link.add({
      kind: 'slicer',
      averageBytes: 7,
      variationBytes: 3,
      delayMs: 1,
      direction: 'downstream',
    });
    const p = await producer();
    await send(p);
  });

  it('timeout (blackhole): the request times out; healed, the client sends again', async () => {
    await openLink();
    const p = await producer(1500);
    await send(p);
    link.add({ kind: 'timeout', direction: 'downstream' });
    const err = await rejection(send(p));
    expect(err.message).toMatch(/timed out|timeout/i);
    link.heal();
    await eventually(() => send(p));
  });

  it('reset: a connection error; healed, the client sends again', async () => {
    await openLink();
    const p = await producer();
    await send(p);
    link.add({ kind: 'reset' });
    const err = await rejection(send(p));
    expect(`${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`).toMatch(
      /ECONNRESET|Connection error|closed|not connected/i,
    );
    link.heal();
    await eventually(() => send(p));
  });

  it('down: connecting is refused; healed, a new client connects and sends', async () => {
    await openLink();
    link.add({ kind: 'down' });
    const p = client().producer();
    open.push(p);
    const err = await rejection(p.connect());
    expect(`${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`).toMatch(
      /ECONNREFUSED|Connection error/i,
    );
    link.heal();
    await eventually(async () => {
      await p.connect();
      await send(p);
    });
  });
});
