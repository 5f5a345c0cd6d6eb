import type { FaultInjector } from '@faultline/faults';
import type { EachBatchPayload } from 'kafkajs';
import type { TopicRoute } from '../topic-names';
import type { Disposer, Incoming } from './disposer';
import type { RetryGate } from './retry-gate';
import type { BatchHandler } from './types';

/**
 * How an origin topic's messages are taken in runs: handed together to a batch handler
 * (runConsumer's handleBatch), or handled per key concurrently (keyConcurrency > 1).
 */
export type RunOptions =
  | { kind: 'batch'; handleBatch: BatchHandler; maxBatchMessages: number }
  | { kind: 'keyed'; keyConcurrency: number; maxBatchMessages: number };

/**
 * Handles a run of one partition's messages with up to `limit` keys at a time, each key's
 * messages in their order, and resolves to every message's disposition once all are durable.
 * Messages of different keys have no order between them that anything relies on (a key is the
 * unit of ordering in Kafka: keys share a partition only by hashing). The first failure to
 * make an outcome durable (a forward to a retry topic that Kafka refused) is thrown once the
 * other keys have finished, so nothing is committed past it.
 */
export async function disposeByKey(
  inputs: Incoming[],
  limit: number,
  dispose: (input: Incoming) => Promise<unknown>,
): Promise<void> {
  const byKey = new Map<string, Incoming[]>();
  for (const input of inputs) {
    const key = input.message.key?.toString('latin1') ?? '';
    const list = byKey.get(key);
    if (list) list.push(input);
    else byKey.set(key, [input]);
  }
  const queues = [...byKey.values()];
  let next = 0;
  let failure: { err: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < queues.length) {
      const queue = queues[next++] as Incoming[];
      for (const input of queue) {
        try {
          await dispose(input);
        } catch (err) {
          failure ??= { err };
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, queues.length) }, worker));
  if (failure !== undefined) throw failure.err;
}

/** A long batch still commits at least this often, bounding redelivery after a crash. */
const commitEveryMs = 1000;

/**
 * Handles one fetched batch of one partition, in order. Offsets are resolved only after a
 * message's outcome is durable and committed before returning (also when stopping or on an
 * error), so a commit never runs ahead of an effect: at-least-once, never at-most-once.
 */
export async function processBatch(
  payload: EachBatchPayload,
  route: TopicRoute,
  disposer: Disposer,
  gate: RetryGate,
  faults: FaultInjector,
  runs?: RunOptions,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
  let pending: string | undefined;
  let lastCommit = Date.now();
  const commit = async () => {
    if (pending === undefined) return;
    const offset = (BigInt(pending) + 1n).toString();
    pending = undefined;
    lastCommit = Date.now();
    await payload.commitOffsetsIfNecessary({
      topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset }] }],
    });
  };
  const incoming = (message: (typeof batch.messages)[number]): Incoming => ({
    sourceTopic: batch.topic,
    partition: batch.partition,
    message,
    route,
    heartbeat,
  });
  try {
    // Runs: only on an origin topic (a retry topic's messages each wait for their own delay)
    // and never with the commit-first toggle on (its anomaly is defined per message).
    if (
      runs !== undefined &&
      route.level === 0 &&
      !faults.isOn('consumer.commit-before-processing')
    ) {
      for (let from = 0; from < batch.messages.length; from += runs.maxBatchMessages) {
        if (!isRunning() || isStale()) break;
        const run = batch.messages.slice(from, from + runs.maxBatchMessages);
        // Resolves once every message of the run is handled, retried or dead-lettered, durably.
        if (runs.kind === 'batch') await disposer.disposeBatch(run.map(incoming), runs.handleBatch);
        else await disposeByKey(run.map(incoming), runs.keyConcurrency, (i) => disposer.dispose(i));
        for (const message of run) resolveOffset(message.offset);
        pending = run.at(-1)?.offset;
        if (Date.now() - lastCommit >= commitEveryMs) await commit();
        await heartbeat();
      }
      await commit();
      return;
    }
    for (const message of batch.messages) {
      // Stopping: leave the rest unresolved for whoever owns the partition next.
      if (!isRunning() || isStale()) break;
      if (faults.isOn('consumer.commit-before-processing')) {
        // SAFETY NET OFF (chaos toggle): the offset is committed before the effect exists, so a
        // crash in the handler loses the message. With the toggle off this branch never runs.
        resolveOffset(message.offset);
        pending = message.offset;
        await commit();
      }
      const result = await disposer.dispose(incoming(message));
      if (result.outcome === 'hold') {
        gate.hold(batch.topic, batch.partition, result.waitMs);
        break;
      }
      resolveOffset(message.offset);
      pending = message.offset;
      if (Date.now() - lastCommit >= commitEveryMs) await commit();
      await heartbeat();
    }
  } catch (err) {
    // Keep what was done (handled messages are not redone needlessly), then let kafkajs
    // re-fetch from the first unresolved message and retry.
    await commit().catch(() => undefined);
    throw err;
  }
  await commit();
}
