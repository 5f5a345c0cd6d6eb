import { describe, expect, it } from 'vitest';
import { encodeInt32, encodeString, FrameSplitter, KafkaReader } from './kafka-frames';
import { kafkaRewriters, KafkaRewriteError, type Address } from './kafka-rewrite';

const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const frame = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([encodeInt32(body.length), body]);
};
const request = (apiKey: number, version: number, correlationId: number) =>
  frame(int16(apiKey), int16(version), encodeInt32(correlationId), encodeString('client'));

/** Metadata v1 response: brokers [node_id host port rack], controller id, topics (none). */
function metadataV1(correlationId: number, brokers: Array<[number, string, number]>): Buffer {
  return frame(
    encodeInt32(correlationId),
    encodeInt32(brokers.length),
    ...brokers.flatMap(([id, host, port]) => [
      encodeInt32(id),
      encodeString(host),
      encodeInt32(port),
      int16(-1),
    ]),
    encodeInt32(1),
    encodeInt32(0),
  );
}

function brokersOf(f: Buffer): Array<[number, string | null, number]> {
  const r = new KafkaReader(f, 8);
  const out: Array<[number, string | null, number]> = [];
  for (let n = r.int32(); n > 0; n--) {
    out.push([r.int32(), r.string(), r.int32()]);
    r.string();
  }
  expect(r.int32()).toBe(1); // the controller id after the brokers survived the rewrite
  return out;
}

const map = (a: Address): Address | undefined =>
  a.port >= 9092 && a.port <= 9093
    ? { host: '127.0.0.1', port: 40_000 + a.port - 9092 }
    : undefined;

describe('the Kafka metadata rewrite', () => {
  it('points every broker of a Metadata response at the link, whatever the chunking', () => {
    const rw = kafkaRewriters(map);
    expect(rw.upstream(request(3, 1, 7))).toHaveLength(1);
    const resp = metadataV1(7, [
      [1, 'localhost-long-name', 9092],
      [2, '127.0.0.1', 9093],
    ]);
    // Delivered in three odd pieces: the rewrite waits for the whole frame.
    const out = [resp.subarray(0, 3), resp.subarray(3, 20), resp.subarray(20)].flatMap((c) =>
      rw.downstream(c),
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.readInt32BE(0)).toBe(out[0]!.length - 4);
    expect(brokersOf(out[0]!)).toEqual([
      [1, '127.0.0.1', 40_000],
      [2, '127.0.0.1', 40_001],
    ]);
  });

  it('leaves other responses untouched', () => {
    const rw = kafkaRewriters(map);
    rw.upstream(request(0, 3, 8)); // a Produce request
    const resp = frame(encodeInt32(8), Buffer.from('anything'));
    expect(rw.downstream(resp)).toEqual([resp]);
  });

  it('rewrites the coordinator of a FindCoordinator v1 response', () => {
    const rw = kafkaRewriters(map);
    rw.upstream(request(10, 1, 9));
    const resp = frame(
      encodeInt32(9),
      encodeInt32(0),
      int16(0),
      int16(-1),
      encodeInt32(2),
      encodeString('127.0.0.1'),
      encodeInt32(9093),
    );
    const r = new KafkaReader(rw.downstream(resp)[0]!, 8);
    r.int32();
    expect(r.int16()).toBe(0);
    expect(r.string()).toBeNull();
    expect([r.int32(), r.string(), r.int32()]).toEqual([2, '127.0.0.1', 40_001]);
  });

  it('refuses to pass a broker the link does not front, or a version it cannot read', () => {
    const rw = kafkaRewriters(map);
    rw.upstream(request(3, 1, 1));
    expect(() => rw.downstream(metadataV1(1, [[3, '10.0.0.9', 9999]]))).toThrow(KafkaRewriteError);
    rw.upstream(request(3, 12, 2));
    expect(() => rw.downstream(metadataV1(2, []))).toThrow(/flexible/);
  });
});

describe('FrameSplitter', () => {
  it('refuses a stream that is not Kafka', () => {
    expect(() => new FrameSplitter().feed(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(
      /not a Kafka stream/,
    );
  });
});
