import { describe, expect, it } from 'vitest';
import { parsePgbenchOutput } from './pgbench';
import { cpuPercent, parseProcTimes } from './proc-usage';
import { auditCell, formatMarkdown, formatTable, type BenchReport } from './report';

describe('parseProcTimes', () => {
  it('reads utime + stime and rss after a command name with spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[11] = '120'; // utime (field 14)
    fields[12] = '30'; // stime (field 15)
    fields[21] = '2560'; // rss (field 24)
    expect(parseProcTimes(`42 (node (x) y) ${fields.join(' ')}`)).toEqual({
      ticks: 150,
      rssPages: 2560,
    });
    expect(parseProcTimes('garbage')).toBeUndefined();
  });
  it('CPU % of one core', () => {
    expect(cpuPercent(100, 250, 100, 3)).toBe(50);
    expect(cpuPercent(0, 10, 100, 0)).toBe(0);
  });
});

describe('parsePgbenchOutput', () => {
  it('takes tps without the initial connection time and the average latency', () => {
    const out = [
      'number of transactions actually processed: 12000',
      'latency average = 6.543 ms',
      'initial connection time = 12.0 ms',
      'tps = 1222.444 (without initial connection time)',
    ].join('\n');
    expect(parsePgbenchOutput(out)).toEqual({ tps: 1222.444, latencyAvgMs: 6.543 });
    expect(() => parsePgbenchOutput('oops')).toThrow(/no tps/);
  });
});

describe('report', () => {
  it('audit cell: CLEAN or NOT COUNTED with why', () => {
    expect(auditCell({ verdict: 'CLEAN', nonFinal: 0, countsByKind: {} })).toBe('CLEAN');
    expect(auditCell({ verdict: 'VIOLATIONS', nonFinal: 2, countsByKind: { CHAIN_FORK: 1 } })).toBe(
      'NOT COUNTED (CHAIN_FORK 1, 2 not final)',
    );
    expect(auditCell(undefined)).toBe('-');
  });
  it('table and markdown carry every row', () => {
    const rows = [{ phase: '4 pgbench', metric: 'tps', value: '1.0', audit: '-', notes: 'a|b' }];
    expect(formatTable(rows)).toMatch(/PHASE[\s\S]*4 pgbench/);
    const md = formatMarkdown({
      startedAt: 'now',
      finishedAt: 'later',
      durationSeconds: 1,
      machine: { cpus: 2, model: 'cpu', memGiB: 1, node: 'v20', loadAvgAtStart: [1, 2, 3] },
      args: { quick: true },
      namespace: { keyspace: 'k', topicPrefix: 't', redisPrefix: 'r' },
      switches: { names: [], presentInCode: {} },
      rows,
      phases: {},
      errors: { kafka: 'down' },
      notes: [],
      loadAverage: {},
    } satisfies BenchReport);
    expect(md).toContain('| 4 pgbench | tps | 1.0 | - | a\\|b |');
    expect(md).toContain('- kafka: down');
    expect(md).toContain('--quick');
  });
});
