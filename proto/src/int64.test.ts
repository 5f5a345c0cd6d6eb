import { describe, expect, it } from 'vitest';
import { int64, toBigInt, v1 } from './index';

describe('int64 over protobuf', () => {
  it('round-trips values beyond 2^53 exactly', () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1: a double would round it
    const bytes = v1.Ping.encode({ text: 'x', sequence: int64(big) }).finish();
    expect(toBigInt(v1.Ping.decode(bytes).sequence)).toBe(big);
  });

  it('keeps negative values', () => {
    const bytes = v1.Ping.encode({ sequence: int64(-42n) }).finish();
    expect(toBigInt(v1.Ping.decode(bytes).sequence)).toBe(-42n);
  });

  it('refuses an unsafe JavaScript number instead of guessing', () => {
    expect(() => toBigInt(2 ** 60)).toThrow(RangeError);
  });

  it('wraps a payload in an envelope and gets it back', () => {
    const payload = v1.Ping.encode({ text: 'hello', sequence: int64(7n) }).finish();
    const env = v1.Envelope.decode(
      v1.Envelope.encode({
        messageId: 'm1',
        type: 'faultline.v1.Ping',
        attempt: 1,
        payload,
      }).finish(),
    );
    expect(env.type).toBe('faultline.v1.Ping');
    expect(v1.Ping.decode(env.payload).text).toBe('hello');
  });
});
