import { describe, expect, it } from 'vitest';
import type { SaturationResult } from './faultline';
import type { PgbenchResult } from './pgbench';
import type { RawCassandraResult } from './raw-cassandra';
import { coldStartRow, ratios } from './rows';

const audit = (counted: boolean) => ({
  verdict: counted ? ('CLEAN' as const) : ('VIOLATIONS' as const),
  countsByKind: counted ? {} : { CHAIN_FORK: 1 },
  nonFinal: 0,
  payments: 10,
  accounts: 4,
  summary: '',
  durationMs: 1,
  counted,
});
const sat = (tps: number, counted: boolean, ledger: number | null): SaturationResult =>
  ({
    transfersPerSecond: tps,
    audit: audit(counted),
    ledgerLwtPerTransfer: ledger,
  }) as SaturationResult;
const pg = { tps: 400 } as PgbenchResult;
const cass = { spread: { perSecond: 700 } } as RawCassandraResult;

describe('ratios', () => {
  it('transfers/s over pgbench tps and over the LWT ceiling, ledger rounds measured', () => {
    const r = ratios(sat(50, true, 2), pg, cass).ratios;
    expect(r.overPgbench).toBe(0.125);
    expect(r.lwtPerTransfer).toBe(7);
    expect(r.ceiling).toBe(100);
    expect(r.ratio).toBe(0.5);
    expect(r.ledgerLwtMeasured).toBe(true);
  });
  it('a NOT COUNTED saturation gives no ratio; unmeasured ledger rounds fall back to 2 legs', () => {
    const r = ratios(sat(50, false, null), pg, cass);
    expect(r.ratios.overPgbench).toBeNull();
    expect(r.ratios.ratio).toBeNull();
    expect(r.ratios.lwtPerTransfer).toBe(7);
    expect(r.rows[0]!.notes).toMatch(/NOT COUNTED/);
  });
});

describe('cold start row', () => {
  it('says when the infrastructure was already running', () => {
    expect(coldStartRow({ seconds: 20, infraAlreadyUp: [] }).notes).toMatch(/full cold start/);
    expect(coldStartRow({ seconds: 9, infraAlreadyUp: ['redis'] }).notes).toMatch(
      /NOT a full cold start/,
    );
  });
});
