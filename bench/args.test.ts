import { describe, expect, it } from 'vitest';
import { ArgsError, helpText, parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('full-run defaults', () => {
    const a = parseBenchArgs([]);
    expect(a).toMatchObject({
      quick: false,
      window: 30,
      workers: 32,
      pgPort: 25432,
      pauseSeconds: 5,
      skip: [],
    });
    expect(a.outDir).toBe('.faultline/bench');
  });
  it('--quick shortens the durations; explicit flags win', () => {
    const a = parseBenchArgs(['--quick', '--window', '12', '--pg-seconds=6']);
    expect(a).toMatchObject({ quick: true, window: 12, pgSeconds: 6, warmup: 5 });
  });
  it('--skip takes known phases only', () => {
    expect(parseBenchArgs(['--skip', 'pgbench,recovery-pause']).skip).toEqual([
      'pgbench',
      'recovery-pause',
    ]);
    expect(() => parseBenchArgs(['--skip', 'pgbench,nope'])).toThrow(/unknown phase "nope"/);
  });
  it('--only runs the phases named, keeps the switches-off half unless skipped', () => {
    const a = parseBenchArgs(['--only', 'profile']);
    expect(a.only).toEqual(['profile']);
    expect(a.skip).not.toContain('profile');
    expect(a.skip).not.toContain('before');
    expect(a.skip).toContain('saturation');
    expect(a.skip).toContain('pgbench');
    expect(parseBenchArgs(['--only', 'profile', '--skip', 'before']).skip).toContain('before');
    expect(() => parseBenchArgs(['--only', 'nope'])).toThrow(/--only: unknown phase "nope"/);
  });
  it.each([
    [['--window', '0'], /--window "0": expected a whole number from 5 to 300/],
    [['--window', '1e3'], /--window/],
    [['--workers', '-3'], /needs a value|--workers/],
    [['--pg-port', '5432'], /5432 is the machine PostgreSQL/],
    [['--bogus', '1'], /unknown flag --bogus/],
    [['--quick=yes'], /takes no value/],
    [['--window'], /needs a value/],
    [['stray'], /unexpected argument/],
    [['--window', '10', '--window', '20'], /given twice/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(ArgsError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
  it('reports every bad flag at once', () => {
    expect(() => parseBenchArgs(['--window', 'x', '--users', '1'])).toThrow(
      /--window[\s\S]*--users/,
    );
  });
  it('help names every flag', () => {
    for (const f of ['--quick', '--skip', '--pg-port', '--pause-seconds', '--max-pending'])
      expect(helpText()).toContain(f);
  });
});
