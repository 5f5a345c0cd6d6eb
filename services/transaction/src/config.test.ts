import { ConfigError } from '@faultline/config';
import { describe, expect, it } from 'vitest';
import { loadTransactionConfig } from './config';

describe('transaction config: the performance switches', () => {
  it('default on, and accept exactly on or off (any case)', () => {
    const d = loadTransactionConfig({});
    expect([
      d.FAULTLINE_LEDGER_COALESCE,
      d.FAULTLINE_PRODUCER_BATCH,
      d.FAULTLINE_CONSUMER_TUNING,
    ]).toEqual([true, true, true]);
    const c = loadTransactionConfig({
      FAULTLINE_LEDGER_COALESCE: 'off',
      FAULTLINE_PRODUCER_BATCH: ' OFF ',
      FAULTLINE_CONSUMER_TUNING: 'On',
    });
    expect([
      c.FAULTLINE_LEDGER_COALESCE,
      c.FAULTLINE_PRODUCER_BATCH,
      c.FAULTLINE_CONSUMER_TUNING,
    ]).toEqual([false, false, true]);
  });

  it.each(['yes', 'true', '1', 'of'])('refuses %j, naming the variable', (value) => {
    expect(() => loadTransactionConfig({ FAULTLINE_LEDGER_COALESCE: value })).toThrow(ConfigError);
    expect(() => loadTransactionConfig({ FAULTLINE_LEDGER_COALESCE: value })).toThrow(
      /FAULTLINE_LEDGER_COALESCE: expected on or off/,
    );
  });
});
