import { z } from 'zod';

/** Phases that can be skipped with --skip (comma-separated). */
export const phaseNames = [
  'cassandra',
  'kafka',
  'pgbench',
  'before',
  'saturation',
  'profile',
  'idle',
  'skew',
  'latency',
  'recovery-kill',
  'recovery-pause',
  'trace',
] as const;
export type PhaseName = (typeof phaseNames)[number];

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Every flag with its default (full run) and its --quick value. */
const flags = {
  warmup: {
    min: 1,
    max: 120,
    full: 10,
    quick: 5,
    help: 'seconds of load before a measured window',
  },
  window: { min: 5, max: 300, full: 30, quick: 10, help: 'seconds of a saturation window' },
  workers: { min: 1, max: 256, full: 32, quick: 16, help: 'closed-loop workers (saturation)' },
  users: { min: 4, max: 2000, full: 60, quick: 30, help: 'virtual users of each load run' },
  // A deeper backlog only adds queueing: past the payment sweeper's 10 s a payment is
  // re-driven, and development runs measured about half the rate with 200 pending than with 40.
  'max-pending': {
    min: 1,
    max: 100_000,
    full: 64,
    quick: 40,
    help: 'closed loop: most payments accepted and not yet final',
  },
  'latency-seconds': { min: 5, max: 300, full: 30, quick: 10, help: 'open-loop latency window' },
  'idle-seconds': { min: 5, max: 300, full: 30, quick: 15, help: 'idle sandbox CPU window' },
  'lwt-seconds': { min: 2, max: 120, full: 10, quick: 4, help: 'each raw Cassandra LWT run' },
  'lwt-concurrency': { min: 1, max: 1024, full: 32, quick: 32, help: 'LWTs in flight' },
  'kafka-messages': {
    min: 100,
    max: 10_000_000,
    full: 50_000,
    quick: 10_000,
    help: 'messages of the raw Kafka run',
  },
  'kafka-batch': { min: 1, max: 10_000, full: 100, quick: 100, help: 'messages per produce' },
  'pg-port': { min: 1024, max: 65535, full: 25432, quick: 25432, help: 'private PostgreSQL port' },
  'pg-scale': { min: 1, max: 1000, full: 10, quick: 2, help: 'pgbench -s' },
  'pg-clients': { min: 1, max: 256, full: 8, quick: 8, help: 'pgbench -c' },
  'pg-threads': { min: 1, max: 64, full: 2, quick: 2, help: 'pgbench -j' },
  'pg-seconds': { min: 5, max: 600, full: 30, quick: 8, help: 'pgbench -T' },
  'recovery-before': {
    min: 5,
    max: 120,
    full: 15,
    quick: 8,
    help: 'seconds of half-rate load before a kill or pause',
  },
  'recovery-after': {
    min: 5,
    max: 300,
    full: 30,
    quick: 15,
    help: 'seconds observed after a kill or resume',
  },
  'pause-seconds': { min: 1, max: 30, full: 5, quick: 5, help: 'Cassandra pause length' },
  seed: { min: 0, max: 2 ** 32 - 1, full: 1, quick: 1, help: 'load generator seed' },
} as const;
type NumFlag = keyof typeof flags;

export interface BenchArgs {
  quick: boolean;
  help: boolean;
  skip: PhaseName[];
  outDir: string;
  /** --only given: the phases asked for (the rest are in `skip`). */
  only: PhaseName[] | undefined;
  /** Leave the bench's keyspace, topics and Redis keys in place (for inspection). */
  keepData: boolean;
  warmup: number;
  window: number;
  workers: number;
  users: number;
  maxPending: number;
  latencySeconds: number;
  idleSeconds: number;
  lwtSeconds: number;
  lwtConcurrency: number;
  kafkaMessages: number;
  kafkaBatch: number;
  pgPort: number;
  pgScale: number;
  pgClients: number;
  pgThreads: number;
  pgSeconds: number;
  recoveryBefore: number;
  recoveryAfter: number;
  pauseSeconds: number;
  seed: number;
}

export class ArgsError extends Error {
  override name = 'ArgsError';
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Parses argv (without node and script). Throws ArgsError with every problem named. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const values = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new ArgsError(`unexpected argument "${a}" (see --help)`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const boolean = ['quick', 'help', 'keep-data'].includes(name);
    if (values.has(name)) throw new ArgsError(`--${name} given twice`);
    if (boolean) {
      if (eq > 0) throw new ArgsError(`--${name} takes no value`);
      values.set(name, true);
      continue;
    }
    if (!(name in flags) && !['skip', 'only', 'out-dir'].includes(name))
      throw new ArgsError(`unknown flag --${name} (see --help)`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value.startsWith('--'))
      throw new ArgsError(`--${name} needs a value`);
    values.set(name, value);
  }
  const quick = values.get('quick') === true;
  const problems: string[] = [];
  const out: Record<string, unknown> = {
    quick,
    help: values.get('help') === true,
    keepData: values.get('keep-data') === true,
  };
  for (const [name, spec] of Object.entries(flags) as [NumFlag, (typeof flags)[NumFlag]][]) {
    const raw = values.get(name);
    if (raw === undefined) {
      out[camel(name)] = quick ? spec.quick : spec.full;
      continue;
    }
    const parsed = int(spec.min, spec.max).safeParse(raw);
    if (parsed.success) out[camel(name)] = parsed.data;
    else
      problems.push(
        `--${name} ${JSON.stringify(raw)}: expected a whole number from ${spec.min} to ${spec.max}`,
      );
  }
  const skipRaw = values.get('skip');
  const skip: PhaseName[] = [];
  if (typeof skipRaw === 'string') {
    for (const s of skipRaw.split(',').map((x) => x.trim())) {
      if ((phaseNames as readonly string[]).includes(s)) skip.push(s as PhaseName);
      else problems.push(`--skip: unknown phase "${s}" (one of ${phaseNames.join(', ')})`);
    }
  }
  const onlyRaw = values.get('only');
  let only: PhaseName[] | undefined;
  if (typeof onlyRaw === 'string') {
    only = [];
    for (const s of onlyRaw.split(',').map((x) => x.trim())) {
      if ((phaseNames as readonly string[]).includes(s)) only.push(s as PhaseName);
      else problems.push(`--only: unknown phase "${s}" (one of ${phaseNames.join(', ')})`);
    }
    // The switches-off sandbox ("before") is the other half of every pair: it stays unless
    // --skip before says otherwise.
    for (const p of phaseNames)
      if (p !== 'before' && !only.includes(p) && !skip.includes(p)) skip.push(p);
  }
  out.skip = skip;
  out.only = only;
  const outDir = values.get('out-dir');
  out.outDir = typeof outDir === 'string' ? outDir : '.faultline/bench';
  if (typeof outDir === 'string' && outDir.trim() === '') problems.push('--out-dir: empty');
  if (out.pgPort === 5432) problems.push('--pg-port 5432 is the machine PostgreSQL: pick another');
  if (problems.length > 0) throw new ArgsError(problems.join('\n'));
  return out as unknown as BenchArgs;
}

export function helpText(): string {
  const lines = [
    'npm run bench -- [flags]',
    '',
    'Measures, in one run on this machine (single profile, process mode): cold start of',
    '`npm start`, raw Cassandra LWT/s, raw Kafka messages/s, pgbench tps, Faultline',
    'saturation (optimisations off, then on), latency at half rate, resource use and',
    'recovery after a ledger kill and a Cassandra pause. Every Faultline phase ends with a',
    'full money audit; a phase with a violation is NOT COUNTED. Report:',
    '.faultline/bench/<timestamp>.{json,md} and latest.{json,md}.',
    '',
    '  --help            this text',
    '  --quick           short durations for development (each default below: full / quick)',
    `  --skip LIST       skip phases: ${phaseNames.join(',')}`,
    '  --only LIST       run only these phases, each with the switches off, then on (add',
    '                    --skip before for the "on" half only); e.g. --only profile',
    '  --out-dir DIR     where the reports go (default .faultline/bench)',
    '  --keep-data       keep the bench keyspace, topics and Redis keys afterwards',
  ];
  for (const [name, spec] of Object.entries(flags))
    lines.push(`  --${name.padEnd(16)}${spec.help} (${spec.full} / ${spec.quick})`);
  return lines.join('\n');
}
