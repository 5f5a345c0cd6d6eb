import type { FaultInjector } from '@faultline/faults';
import type { EachBatchPayload } from 'kafkajs';
import type { TopicRoute } from '../topic-names';
import type { Disposer, Incoming } from './disposer';
import type { RetryGate } from './retry-gate';
import type { BatchHandler } from './types';

/** Handing runs of messages to a batch handler (runConsumer's handleBatch), when set. */
export interface RunOptions {
  handleBatch: BatchHandler;
  maxBatchMessages: number;
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
        await disposer.disposeBatch(run.map(incoming), runs.handleBatch);
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
