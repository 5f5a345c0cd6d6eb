import { systemClock, type Clock } from '@faultline/clock';
import type { FaultInjector } from '@faultline/faults';
import type { Logger, Metrics } from '@faultline/observability';
import type { KafkaMessage } from 'kafkajs';
import { decodeEnvelope, encodeEnvelope, type DecodedEnvelope } from '../envelope';
import { decodeHeaders, failureHeaders as h, headerValue } from '../headers';
import type { Publisher } from '../publisher';
import { deadLetterTopic, retryTopic, type TopicRoute } from '../topic-names';
import { shortType, type LiveTraceKind, type TraceRecorder } from '../trace/trace-entry';
import { describeFailure, type Failure } from './failure';
import { RetryGate } from './retry-gate';
import type { BatchHandler, ConsumedMessage, MessageHandler } from './types';

export type Disposition =
  | { outcome: 'ok' | 'skipped' | 'retry' | 'dead' }
  | { outcome: 'hold'; waitMs: number };

export interface DisposerDeps {
  instanceId: string;
  logger: Logger;
  metrics: Metrics;
  publisher: Publisher;
  handle: MessageHandler;
  retryDelaysMs: number[];
  heartbeatIntervalMs: number;
  faults: FaultInjector;
  /** Judges a retry's due time and stamps failedAt. Default wall time. */
  clock?: Clock;
  trace: TraceRecorder;
}

export interface Incoming {
  sourceTopic: string;
  partition: number;
  message: KafkaMessage;
  route: TopicRoute;
  /** Keeps the group session alive while a slow handler runs. */
  heartbeat: () => Promise<void>;
}

/**
 * Decides what becomes of one message: handled, held until its retry delay, forwarded to
 * the next retry topic or to the dead-letter topic. It resolves only once that outcome is
 * durable (handler resolved, or the forward acknowledged by Kafka with acks=all); a failed
 * forward throws, so the caller does not commit and the message is read again.
 */
export class Disposer {
  constructor(private readonly deps: DisposerDeps) {}

  async dispose(input: Incoming): Promise<Disposition> {
    const { route, message } = input;
    if (route.level > 0) {
      const delay = this.deps.retryDelaysMs[route.level - 1] ?? 0;
      const waitMs = RetryGate.remaining(
        Number(message.timestamp),
        delay,
        (this.deps.clock ?? systemClock).now(),
      );
      if (waitMs > 0) return { outcome: 'hold', waitMs };
    }
    let envelope: DecodedEnvelope;
    try {
      envelope = decodeEnvelope(message.value);
    } catch (err) {
      // Poison: no handler can ever succeed, and waiting would stall the partition.
      await this.forward(input, undefined, describeFailure(err), true);
      return { outcome: 'dead' };
    }
    this.traced('consume', input, envelope);
    const msg = this.consumed(input, envelope);
    const labels = { topic: route.origin, type: envelope.type };
    const timer = setInterval(
      () => void input.heartbeat().catch(() => undefined),
      this.deps.heartbeatIntervalMs,
    );
    const stopTimer = this.deps.metrics.handlerDuration.startTimer(labels);
    try {
      // An injected consume fault fails like a real one: through the retry topics.
      await this.deps.faults.inject('kafka.consume');
      const result = await this.deps.handle(msg);
      const outcome = result === 'skipped' ? 'skipped' : 'ok';
      this.deps.metrics.messagesHandled.inc({ ...labels, outcome });
      return { outcome };
    } catch (err) {
      return await this.fail(input, envelope, err);
    } finally {
      stopTimer();
      clearInterval(timer);
    }
  }

  /**
   * A run of consecutive messages of one partition of an origin topic, through `handleBatch`.
   * Each message ends exactly as `dispose` would have ended it (handled, retried or dead),
   * and the returned dispositions are durable, in order: the caller may then commit them all.
   */
  async disposeBatch(inputs: Incoming[], handleBatch: BatchHandler): Promise<Disposition[]> {
    const out: Disposition[] = [];
    const live: { at: number; input: Incoming; envelope: DecodedEnvelope }[] = [];
    for (const input of inputs) {
      try {
        const envelope = decodeEnvelope(input.message.value);
        this.traced('consume', input, envelope);
        live.push({ at: out.length, input, envelope });
        out.push({ outcome: 'ok' });
      } catch (err) {
        await this.forward(input, undefined, describeFailure(err), true);
        out.push({ outcome: 'dead' });
      }
    }
    if (live.length === 0) return out;
    const first = inputs[0] as Incoming;
    const timer = setInterval(
      () => void first.heartbeat().catch(() => undefined),
      this.deps.heartbeatIntervalMs,
    );
    // Each message's handler duration is the time until its run was durable.
    const timers = live.map((l) =>
      this.deps.metrics.handlerDuration.startTimer({
        topic: l.input.route.origin,
        type: l.envelope.type,
      }),
    );
    try {
      const failed = new Map<number, unknown>();
      const handled: typeof live = [];
      for (const l of live) {
        try {
          await this.deps.faults.inject('kafka.consume');
          handled.push(l);
        } catch (err) {
          failed.set(l.at, err);
        }
      }
      let results: unknown[] = [];
      if (handled.length > 0) {
        try {
          results = await handleBatch(handled.map((l) => this.consumed(l.input, l.envelope)));
          if (results.length !== handled.length)
            throw new TypeError(
              `batch handler answered ${results.length} outcomes for ${handled.length} messages`,
            );
        } catch (err) {
          results = handled.map(() => err);
        }
      }
      handled.forEach((l, k) => {
        const r = results[k];
        if (r instanceof Error) failed.set(l.at, r);
        else out[l.at] = { outcome: r === 'skipped' ? 'skipped' : 'ok' };
      });
      for (const l of live) {
        if (failed.has(l.at)) out[l.at] = await this.fail(l.input, l.envelope, failed.get(l.at));
        else
          this.deps.metrics.messagesHandled.inc({
            topic: l.input.route.origin,
            type: l.envelope.type,
            outcome: (out[l.at] as Disposition).outcome,
          });
      }
      return out;
    } finally {
      for (const stop of timers) stop();
      clearInterval(timer);
    }
  }

  /** A handler failure: to the next retry topic, or dead-lettered if not retriable or last. */
  private async fail(
    input: Incoming,
    envelope: DecodedEnvelope,
    err: unknown,
  ): Promise<Disposition> {
    const { route, message } = input;
    const labels = { topic: route.origin, type: envelope.type };
    const failure = describeFailure(err);
    const last = route.level >= this.deps.retryDelaysMs.length;
    const dead = !failure.retriable || last;
    this.deps.logger[dead ? 'error' : 'warn'](dead ? 'message dead-lettered' : 'message retried', {
      topic: route.origin,
      partition: input.partition,
      offset: message.offset,
      messageId: envelope.messageId,
      type: envelope.type,
      attempt: envelope.attempt,
      err,
    });
    await this.forward(input, envelope, failure, dead);
    this.traced(dead ? 'dead-letter' : 'retry', input, envelope, failure.code);
    this.deps.metrics.messagesHandled.inc({ ...labels, outcome: dead ? 'dead' : 'retry' });
    return { outcome: dead ? 'dead' : 'retry' };
  }

  /** A payment's message as this instance handled it (FAULTLINE_TRACE), with its coordinates. */
  private traced(kind: LiveTraceKind, input: Incoming, envelope: DecodedEnvelope, reason = '') {
    if (!envelope.correlationId) return;
    this.deps.trace.record({
      paymentId: envelope.correlationId,
      at: Date.now(),
      kind,
      instance: this.deps.instanceId,
      topic: input.route.origin,
      via: input.sourceTopic === input.route.origin ? '' : input.sourceTopic,
      partition: input.partition,
      offset: input.message.offset,
      messageId: envelope.messageId,
      causationId: envelope.causationId,
      attempt: envelope.attempt,
      type: shortType(envelope.type),
      producer: envelope.producer,
      producedAt: Number(envelope.producedAtMs),
      reason,
    });
  }

  private consumed(input: Incoming, envelope: DecodedEnvelope): ConsumedMessage {
    const { payload, ...info } = envelope;
    return {
      topic: input.route.origin,
      sourceTopic: input.sourceTopic,
      partition: input.partition,
      offset: input.message.offset,
      key: input.message.key?.toString() ?? '',
      envelope: info,
      payload,
      headers: decodeHeaders(input.message.headers),
    };
  }

  /**
   * To the next retry topic (envelope re-encoded with attempt + 1, same message id) or to the
   * dead-letter topic (the original bytes, untouched). Either way the headers say what failed,
   * where the message first came from and who gave up on it.
   */
  private async forward(
    input: Incoming,
    envelope: DecodedEnvelope | undefined,
    failure: Failure,
    dead: boolean,
  ): Promise<void> {
    const { route, message, partition } = input;
    const previous = decodeHeaders(message.headers);
    const attempt = envelope?.attempt ?? 1;
    const headers: Record<string, string> = {
      ...previous,
      [h.errorCode]: failure.code,
      [h.errorMessage]: headerValue(failure.message),
      [h.errorRetriable]: String(failure.retriable),
      // A retried message keeps the coordinates of its first delivery.
      [h.originTopic]: route.origin,
      [h.originPartition]:
        route.level > 0 ? (previous[h.originPartition] ?? String(partition)) : String(partition),
      [h.originOffset]:
        route.level > 0 ? (previous[h.originOffset] ?? message.offset) : message.offset,
      [h.attempt]: String(attempt),
      [h.failedAt]: (this.deps.clock ?? systemClock).date().toISOString(),
      [h.failedBy]: this.deps.instanceId,
    };
    if (dead || !envelope) {
      await this.deps.publisher.sendRaw(deadLetterTopic(route.origin), [
        { key: message.key, value: message.value, headers },
      ]);
      this.deps.metrics.deadLetters.inc({ topic: route.origin, reason: failure.code });
      if (!envelope) {
        this.deps.metrics.messagesHandled.inc({
          topic: route.origin,
          type: 'unknown',
          outcome: 'dead',
        });
        this.deps.logger.error('poison message dead-lettered', {
          topic: route.origin,
          partition,
          offset: message.offset,
          reason: failure.code,
          error: failure.message,
        });
      }
      return;
    }
    const value = Buffer.from(encodeEnvelope({ ...envelope, attempt: attempt + 1 }));
    await this.deps.publisher.sendRaw(retryTopic(route.origin, route.level + 1), [
      { key: message.key, value, headers },
    ]);
    this.deps.metrics.retries.inc({ topic: route.origin });
  }
}
