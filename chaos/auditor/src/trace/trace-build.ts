import type { TraceEntry } from '@faultline/messaging';
import { formatAmount } from '@faultline/money';
import type { TimelineStep } from '../explain/explain-data';
import type { EntryRow } from '../types';
import type { PaymentTrace, TraceArrow, TraceEnvelope, TraceEvent } from './trace-model';

export const KAFKA_LANE = 'kafka';
export const CASSANDRA_LANE = 'cassandra';
const SWEEPER_NOTE = 'redriven by the sweeper';
const serviceOrder = ['account', 'payment', 'transaction'];

/** A ledger row of the payment and who wrote it (the ledger's own written_by column). */
export type TracedRow = EntryRow & { writtenBy: string | undefined };

export interface TraceInput {
  paymentId: string;
  state: string;
  entries: readonly TraceEntry[];
  rows: readonly TracedRow[];
  timeline: readonly TimelineStep[];
}

/** account-1, account-2, payment-1 ... in saga order, then the lanes nobody runs on. */
function laneOrder(a: string, b: string): number {
  const rank = (l: string) => {
    const i = serviceOrder.findIndex((s) => l.startsWith(`${s}-`));
    return i < 0 ? serviceOrder.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true });
}

const envelopeOf = (e: TraceEntry): TraceEnvelope => ({
  messageId: e.messageId,
  causationId: e.causationId,
  attempt: e.attempt,
  type: e.type,
  producer: e.producer,
  topic: e.via || e.topic,
  partition: e.partition,
  offset: e.offset,
});

const envelopeText = (v: TraceEnvelope) =>
  `${v.type} · message ${v.messageId} · caused by ${v.causationId || '(none)'} · attempt ${v.attempt} · ` +
  `from ${v.producer} · ${v.topic}${v.partition >= 0 ? ` [${v.partition}]` : ''}${v.offset ? ` @${v.offset}` : ''}`;

/**
 * Joins what the instances recorded (messages) with what the tables hold (ledger rows, state
 * moves): every message an arrow from its producer to the instance that read it, a second
 * read of the same offset marked "redelivered", retries and dead letters marked where they
 * were decided, each ledger row and state move a dot on Cassandra's lane with the write that
 * made it.
 */
export function buildTrace(input: TraceInput): PaymentTrace {
  const events: TraceEvent[] = [];
  const arrows: TraceArrow[] = [];
  const lanes = new Set<string>();
  const seenOffsets = new Set<string>();
  // Kafka's lane: one dot per record read (topic, partition, offset), with how often it was read.
  const records = new Map<string, TraceEvent>();
  const consumed = new Set<string>();
  const entries = [...input.entries].sort((a, b) => a.at - b.at);
  for (const e of entries) if (e.kind === 'consume') consumed.add(e.messageId);
  for (const e of entries) {
    lanes.add(e.instance);
    const envelope = envelopeOf(e);
    if (e.kind === 'produce') {
      // Sent and not (yet) read by anyone: the arrow ends in Kafka.
      if (!consumed.has(e.messageId))
        arrows.push({
          kind: 'message',
          from: { lane: e.instance, atMs: e.at },
          to: { lane: KAFKA_LANE, atMs: e.at },
          label: `${e.type} (not read yet)`,
          detail: `${envelopeText(envelope)} · in Kafka, not consumed`,
          marks: ['not consumed'],
          envelope,
        });
      continue;
    }
    if (e.kind === 'consume') {
      lanes.add(e.producer || KAFKA_LANE);
      const where = `${e.via || e.topic}/${e.partition}/${e.offset}`;
      const marks: string[] = [];
      if (seenOffsets.has(where)) marks.push('redelivered');
      seenOffsets.add(where);
      const record = records.get(where);
      if (record)
        record.marks = [`read ${Number(/\d+/.exec(record.marks[0] ?? '')?.[0] ?? 1) + 1}×`];
      else
        records.set(where, {
          atMs: Math.min(e.producedAt || e.at, e.at),
          lane: KAFKA_LANE,
          kind: 'produce',
          label: `${e.via || e.topic} [${e.partition}] @${e.offset}`,
          detail: `Kafka record ${e.via || e.topic} partition ${e.partition} offset ${e.offset}: ${e.type} ${e.messageId}`,
          marks: [],
          envelope,
        });
      const retry = /\.retry\.(\d+)$/.exec(e.via);
      if (retry) marks.push(`retry ${retry[1]}`);
      arrows.push({
        kind: 'message',
        from: { lane: e.producer || KAFKA_LANE, atMs: Math.min(e.producedAt || e.at, e.at) },
        to: { lane: e.instance, atMs: e.at },
        label: `${e.type}${marks.length ? ` (${marks.join(', ')})` : ''}`,
        detail: `${envelopeText(envelope)} · read by ${e.instance} at ${new Date(e.at).toISOString()}${marks.length ? ` · ${marks.join(', ')}` : ''}`,
        marks,
        envelope,
      });
      continue;
    }
    const dead = e.kind === 'dead-letter';
    events.push({
      atMs: e.at,
      lane: e.instance,
      kind: e.kind,
      label: dead ? `dead letter (${e.reason})` : `to retry (${e.reason})`,
      detail: `${envelopeText(envelope)} · ${dead ? 'sent to the dead-letter topic' : 'sent to the next retry topic'} by ${e.instance}: ${e.reason}`,
      marks: [dead ? 'dead letter' : `retry after attempt ${e.attempt}`],
      envelope,
    });
  }
  events.push(...records.values());
  const legCount = new Map<string, number>();
  for (const r of input.rows) {
    const key = `${r.accountId}/${r.leg}`;
    legCount.set(key, (legCount.get(key) ?? 0) + 1);
  }
  for (const r of input.rows) {
    const at = r.writtenAt?.getTime() ?? 0;
    const writer = r.writtenBy ?? 'unknown writer';
    lanes.add(writer);
    const marks = (legCount.get(`${r.accountId}/${r.leg}`) ?? 0) > 1 ? ['applied twice'] : [];
    const label = `${r.leg} ${formatAmount(r.amount)} ${r.accountId} seq ${r.seq}`;
    events.push({
      atMs: at,
      lane: CASSANDRA_LANE,
      kind: 'ledger-write',
      label,
      detail: `ledger row: ${label}, balance after ${formatAmount(r.balanceAfter)}, written by ${writer}${marks.length ? ' · the same leg appears twice on this account' : ''}`,
      marks,
    });
    arrows.push({
      kind: 'write',
      from: { lane: writer, atMs: at },
      to: { lane: CASSANDRA_LANE, atMs: at },
      label,
      detail: `${writer} wrote ${label}`,
      marks,
    });
  }
  for (const s of input.timeline) {
    const at = s.at?.getTime() ?? 0;
    const who = s.instance || 'unknown writer';
    lanes.add(who);
    const redrive = s.note === SWEEPER_NOTE;
    const label = redrive ? `re-drive ${s.state}` : s.state;
    events.push({
      atMs: at,
      lane: CASSANDRA_LANE,
      kind: redrive ? 'sweeper-redrive' : 'state-move',
      label,
      detail: `payment ${redrive ? `re-driven by the sweeper in ${s.state}` : `state -> ${s.state}`} by ${who}, attempt ${s.attempt}${s.note && !redrive ? `: ${s.note}` : ''}`,
      marks: redrive ? ['sweeper re-drive'] : [],
    });
    arrows.push({
      kind: 'write',
      from: { lane: who, atMs: at },
      to: { lane: CASSANDRA_LANE, atMs: at },
      label,
      detail: `${who}: ${label}`,
      marks: redrive ? ['sweeper re-drive'] : [],
    });
  }
  lanes.delete(KAFKA_LANE);
  lanes.delete(CASSANDRA_LANE);
  const times = [
    ...events.map((e) => e.atMs),
    ...arrows.flatMap((a) => [a.from.atMs, a.to.atMs]),
  ].filter((t) => t > 0);
  events.sort((a, b) => a.atMs - b.atMs);
  arrows.sort((a, b) => a.from.atMs - b.from.atMs);
  const traced = input.entries.length > 0;
  return {
    paymentId: input.paymentId,
    state: input.state,
    traced,
    note: traced
      ? ''
      : 'No message of this payment was recorded (FAULTLINE_TRACE=off, or older than the trace keeps): only the ledger rows and state moves are shown.',
    lanes: [...[...lanes].sort(laneOrder), KAFKA_LANE, CASSANDRA_LANE],
    events,
    arrows,
    startMs: times.length ? Math.min(...times) : 0,
    endMs: times.length ? Math.max(...times) : 0,
  };
}
