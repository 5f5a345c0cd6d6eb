import { encodeInt32, encodeString, FrameSplitter, KafkaReader } from './kafka-frames';
import type { Rewrite } from './pipe';

export interface Address {
  host: string;
  port: number;
}

/** Where a client of this link must reach a broker, given the broker's advertised address. */
export type BrokerMap = (advertised: Address) => Address | undefined;

const METADATA = 3;
const FIND_COORDINATOR = 10;
/** The classic encoding; newer versions are "flexible" (compact strings, tagged fields). */
const classicUpTo: Record<number, number> = { [METADATA]: 8, [FIND_COORDINATOR]: 2 };

export class KafkaRewriteError extends Error {
  override name = 'KafkaRewriteError';
}

/**
 * Kafka clients bootstrap from one address and then connect to the addresses the brokers
 * advertise in Metadata (and FindCoordinator) responses. Through a link those must be the
 * link's own listeners, or the client would go around the link after the first request and
 * a cut link would silently not cut. The upstream side notes which request each correlation
 * id belongs to; the downstream side rewrites every broker host and port in those two
 * responses through `map`. A broker the link does not know, or a version this rewriter cannot
 * read, ends the connection with an error instead of leaking the real address.
 */
export function kafkaRewriters(map: BrokerMap): { upstream: Rewrite; downstream: Rewrite } {
  const asked = new Map<number, { apiKey: number; version: number }>();
  const requests = new FrameSplitter();
  const responses = new FrameSplitter();
  return {
    upstream: (chunk) => {
      const frames = requests.feed(chunk);
      for (const f of frames) {
        const r = new KafkaReader(f, 4);
        const apiKey = r.int16();
        const version = r.int16();
        const correlationId = r.int32();
        if (apiKey in classicUpTo) asked.set(correlationId, { apiKey, version });
      }
      return frames;
    },
    downstream: (chunk) =>
      responses.feed(chunk).map((f) => {
        const correlationId = f.readInt32BE(4);
        const req = asked.get(correlationId);
        if (!req) return f;
        asked.delete(correlationId);
        if (req.version > (classicUpTo[req.apiKey] ?? -1)) {
          throw new KafkaRewriteError(
            `cannot rewrite api ${req.apiKey} v${req.version} (flexible encoding); ` +
              `the link reads classic versions only, the ones kafkajs uses`,
          );
        }
        return req.apiKey === METADATA
          ? rewriteMetadata(f, req.version, map)
          : rewriteFindCoordinator(f, req.version, map);
      }),
  };
}

function target(map: BrokerMap, host: string | null, port: number): Address {
  const to = host === null ? undefined : map({ host, port });
  if (!to) throw new KafkaRewriteError(`broker ${host}:${port} is not behind this link`);
  return to;
}

/** Metadata v0-v8: [throttle (v3+)] brokers: [node_id host port rack (v1+)] ... rest. */
export function rewriteMetadata(frame: Buffer, version: number, map: BrokerMap): Buffer {
  const r = new KafkaReader(frame, 8);
  if (version >= 3) r.int32();
  const parts: Buffer[] = [frame.subarray(4, r.offset)];
  const count = r.int32();
  parts.push(encodeInt32(count));
  for (let i = 0; i < count; i++) {
    const nodeId = r.int32();
    const to = target(map, r.string(), r.int32());
    const restStart = r.offset;
    if (version >= 1) r.string();
    parts.push(encodeInt32(nodeId), encodeString(to.host), encodeInt32(to.port));
    parts.push(frame.subarray(restStart, r.offset));
  }
  parts.push(frame.subarray(r.offset));
  return withSize(parts);
}

/** FindCoordinator v0: error node_id host port; v1-v2: throttle error message node_id host port. */
export function rewriteFindCoordinator(frame: Buffer, version: number, map: BrokerMap): Buffer {
  const r = new KafkaReader(frame, 8);
  if (version >= 1) r.int32();
  const error = r.int16();
  if (version >= 1) r.string();
  const head = frame.subarray(4, r.offset);
  const nodeId = r.int32();
  const host = r.string();
  const port = r.int32();
  // With an error (coordinator not available yet) the broker sends node -1 and an empty
  // host: nothing to rewrite, and nothing the client will connect to.
  if (error !== 0 || nodeId < 0) return frame;
  const to = target(map, host, port);
  const parts = [head, encodeInt32(nodeId), encodeString(to.host), encodeInt32(to.port)];
  parts.push(frame.subarray(r.offset));
  return withSize(parts);
}

function withSize(parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([encodeInt32(body.length), body]);
}
