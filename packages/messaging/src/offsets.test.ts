import { UnavailableError } from '@faultline/errors';
import { describe, expect, it } from 'vitest';
import { fetchTopicOffsetsSettled, isSettlingError } from './offsets';

const notLeader = Object.assign(
  new Error('This server is not the leader for that topic-partition'),
  {
    type: 'NOT_LEADER_FOR_PARTITION',
  },
);
const offsets = [{ partition: 0, offset: '3', high: '3', low: '0' }];

function admin(answers: (Error | typeof offsets)[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    fetchTopicOffsets: async () => {
      const a = answers[Math.min(calls++, answers.length - 1)]!;
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

describe('fetchTopicOffsetsSettled', () => {
  it('asks again while the leader settles, then answers', async () => {
    const a = admin([notLeader, notLeader, offsets]);
    await expect(fetchTopicOffsetsSettled(a, 't', { intervalMs: 1 })).resolves.toEqual(offsets);
    expect(a.calls).toBe(3);
  });

  it('throws any other error at once', async () => {
    const boom = Object.assign(new Error('no'), { type: 'TOPIC_AUTHORIZATION_FAILED' });
    const a = admin([boom, offsets]);
    await expect(fetchTopicOffsetsSettled(a, 't', { intervalMs: 1 })).rejects.toBe(boom);
    expect(a.calls).toBe(1);
  });

  it('gives up with UnavailableError once the time is spent', async () => {
    const a = admin([notLeader]);
    const err = await fetchTopicOffsetsSettled(a, 't', { timeoutMs: 30, intervalMs: 5 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnavailableError);
    expect(String((err as Error).message)).toContain('offsets of t: still unavailable');
    expect(a.calls).toBeGreaterThan(1);
  });

  it('knows the settling answers', () => {
    expect(isSettlingError(notLeader)).toBe(true);
    expect(isSettlingError({ type: 'LEADER_NOT_AVAILABLE' })).toBe(true);
    expect(isSettlingError(new Error('x'))).toBe(false);
    expect(isSettlingError(null)).toBe(false);
    // kafkajs wraps: NonRetriable with a cause, NumberOfRetriesExceeded with originalError.
    expect(isSettlingError({ cause: { type: 'UNKNOWN_TOPIC_OR_PARTITION' } })).toBe(true);
    expect(isSettlingError({ originalError: { cause: notLeader } })).toBe(true);
  });
});
