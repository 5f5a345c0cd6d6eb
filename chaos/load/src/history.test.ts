import { describe, expect, it } from 'vitest';
import { History, outcomeOfError, outcomeOfFinal } from './history';
import { StatsRecorder } from './stats';

describe('the history: invoke -> ok / fail / info', () => {
  it('tells an indeterminate operation from a failed one', () => {
    expect(outcomeOfError('TIMEOUT')).toBe('info');
    expect(outcomeOfError('ECONNRESET')).toBe('info');
    expect(outcomeOfError('GATEWAY_TIMEOUT', 504)).toBe('info');
    expect(outcomeOfError('INTERNAL', 500)).toBe('info');
    expect(outcomeOfError('ECONNREFUSED')).toBe('fail');
    expect(outcomeOfError('NO_INSTANCE', 503)).toBe('fail');
    expect(outcomeOfError('INSUFFICIENT_FUNDS', 422)).toBe('fail');
    expect(outcomeOfFinal('COMPLETED')).toBe('ok');
    expect(outcomeOfFinal('REJECTED')).toBe('fail');
    expect(outcomeOfFinal('REFUNDED')).toBe('fail');
  });

  it('completes each invoke once; a payment completes when it is seen final; the rest is info at the end', () => {
    const h = new History();
    const signup = h.invoke(0, 'signup', 1);
    h.complete(signup, 'ok', undefined, 2);
    h.complete(signup, 'fail', 'LATE', 3); // ignored: one completion per invoke
    const paid = h.invoke(1, 'pay', 4);
    h.accepted(paid, 'pay_a');
    const lost = h.invoke(2, 'pay', 5);
    h.accepted(lost, 'pay_b');
    const timedOut = h.invoke(3, 'pay', 6);
    h.complete(timedOut, outcomeOfError('TIMEOUT'), 'TIMEOUT');
    expect(h.tally()).toEqual({ ok: 1, fail: 0, info: 1, pending: 2 });
    h.settlePayment('pay_a', 'ok', 'COMPLETED');
    h.closeOpen();
    expect(h.tally()).toEqual({ ok: 2, fail: 0, info: 2, pending: 0 });
    expect(h.list().map((e) => [e.i, e.outcome, e.code])).toEqual([
      [0, 'ok', undefined],
      [1, 'ok', 'COMPLETED'],
      [2, 'info', 'NOT_FINAL_AT_END'],
      [3, 'info', 'TIMEOUT'],
    ]);
  });
});

describe('the load stats', () => {
  it("does not count the generator's own skipped picks as attempted or failed", () => {
    const s = new StatsRecorder();
    s.attempted();
    s.attempted();
    s.skipped();
    s.failed('TIMEOUT');
    const { lastSecond, totals } = s.roll();
    for (const i of [lastSecond, totals])
      expect(i).toMatchObject({ attempted: 1, failed: 1, skipped: 1, errors: { TIMEOUT: 1 } });
  });
});
