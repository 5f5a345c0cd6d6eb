/**
 * Ledger throughput, before and after the issue-8 switches, in ONE run on the same servers:
 *
 *   node --import tsx services/transaction/bench/ledger-throughput.ts [--legs 2000] [--accounts 200] [--repeat 1]
 *
 * For each configuration (every switch off with one message at a time per partition, the same
 * with 16 keys of a partition at a time, coalescing only, producer batching only, both, all on)
 * it starts a real transaction service in-process (its own keyspace and topic prefix on the
 * single-profile servers: Kafka 127.0.0.1:29092, Cassandra :29042, Redis :26379), publishes
 * `--legs` ledger commands as fast as Kafka takes them and measures legs/s from the first
 * publish to the last answer read back from ledger.events: the real consumer -> writer ->
 * Cassandra -> publisher path. Two workloads: one hot account (every leg on one chain) and
 * `--accounts` accounts (legs spread round robin). Also reports Paxos rounds per leg (from the
 * service's /metrics). Each keyspace and topic set is dropped afterwards.
 */
import { newAccountId, newPaymentId, type LedgerLegRequestedMsg } from '@faultline/bank-model';
import type { Endpoints } from '@faultline/infra';
import { TREASURY_ACCOUNT_ID, verifyChain } from '@faultline/ledger-model';
import { createTransactionService } from '../src/service';
import { isolation, readChain, sendLegs, testConfig, testKit } from '../src/testing/harness';

function intArg(name: string, def: number, min: number, max: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return def;
  const raw = process.argv[i + 1] ?? '';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    process.stderr.write(`--${name} expects an integer between ${min} and ${max}, got "${raw}"\n`);
    process.exit(2);
  }
  return n;
}
const known = new Set(['--legs', '--accounts', '--repeat']);
for (let i = 2; i < process.argv.length; i += 2)
  if (!known.has(process.argv[i] ?? '')) {
    process.stderr.write(`unknown argument ${process.argv[i]}; use --legs, --accounts, --repeat\n`);
    process.exit(2);
  }
// The in-process services log JSON lines to stdout (kafkajs reports topic leaders settling
// at error level while topics are created): keep them out of the benchmark's own output.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  typeof chunk === 'string' && chunk.startsWith('{"time":')
    ? true
    : write(chunk, ...rest)) as typeof process.stdout.write;

const legs = intArg('legs', 2000, 10, 100_000);
const accounts = intArg('accounts', 200, 2, 10_000);
const repeat = intArg('repeat', 1, 1, 10);

const endpoints: Endpoints = {
  kafkaBrokers: ['127.0.0.1:29092'],
  cassandraContactPoints: ['127.0.0.1'],
  cassandraPort: 29042,
  redisUrl: 'redis://127.0.0.1:26379',
  replicationFactor: 1,
};

type Switch = 'on' | 'off';
interface BenchConfig {
  name: string;
  coalesce: Switch;
  producerBatch: Switch;
  tuning: Switch;
  /** FAULTLINE_CONSUMER_KEY_CONCURRENCY (per-key concurrency of the per-message path). */
  keyConcurrency: number;
}
const configs: BenchConfig[] = [
  {
    name: 'before: all off, keys 1',
    coalesce: 'off',
    producerBatch: 'off',
    tuning: 'off',
    keyConcurrency: 1,
  },
  {
    name: 'all off, keys 16',
    coalesce: 'off',
    producerBatch: 'off',
    tuning: 'off',
    keyConcurrency: 16,
  },
  {
    name: 'coalesce only',
    coalesce: 'on',
    producerBatch: 'off',
    tuning: 'off',
    keyConcurrency: 16,
  },
  {
    name: 'producer batch only',
    coalesce: 'off',
    producerBatch: 'on',
    tuning: 'off',
    keyConcurrency: 16,
  },
  {
    name: 'coalesce + producer batch',
    coalesce: 'on',
    producerBatch: 'on',
    tuning: 'off',
    keyConcurrency: 16,
  },
  { name: 'after: all on', coalesce: 'on', producerBatch: 'on', tuning: 'on', keyConcurrency: 16 },
];

const credit = (accountId: string): LedgerLegRequestedMsg => ({
  paymentId: newPaymentId(),
  leg: 'CREDIT',
  accountId,
  counterpartyAccountId: TREASURY_ACCOUNT_ID,
  amount: 1n,
});

async function paxosRounds(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const m = /^faultline_ledger_lwt_rounds_total(?:\{[^}]*\})? (\d+(?:\.\d+)?)/m.exec(text);
  return m ? Number(m[1]) : NaN;
}

interface Row {
  config: string;
  workload: string;
  legs: number;
  seconds: number;
  legsPerSecond: number;
  paxosPerLeg: number;
}

async function measure(cfg: BenchConfig): Promise<Row[]> {
  const iso = isolation();
  const kit = testKit(endpoints, iso);
  const service = createTransactionService({
    ...testConfig(endpoints, iso, `bench-${cfg.coalesce}-${cfg.producerBatch}-${cfg.tuning}`),
    FAULTLINE_LEDGER_COALESCE: cfg.coalesce === 'on',
    FAULTLINE_PRODUCER_BATCH: cfg.producerBatch === 'on',
    FAULTLINE_CONSUMER_TUNING: cfg.tuning === 'on',
    consumerKeyConcurrency: cfg.keyConcurrency,
  });
  const rows: Row[] = [];
  try {
    const { port } = await service.start();
    await kit.events.start();
    const answered = () => kit.events.posted.length + kit.events.rejected.length;
    const run = async (workload: string, batch: LedgerLegRequestedMsg[]) => {
      const before = answered();
      const roundsBefore = await paxosRounds(port);
      const t0 = performance.now();
      for (let i = 0; i < batch.length; i += 500)
        await sendLegs(kit.publisher, kit.topics, batch.slice(i, i + 500));
      while (answered() < before + batch.length) {
        if (performance.now() - t0 > 120_000) throw new Error(`${workload}: timed out`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const seconds = (performance.now() - t0) / 1000;
      const rounds = (await paxosRounds(port)) - roundsBefore;
      return {
        config: cfg.name,
        workload,
        legs: batch.length,
        seconds: Number(seconds.toFixed(2)),
        legsPerSecond: Math.round(batch.length / seconds),
        paxosPerLeg: Number((rounds / batch.length).toFixed(3)),
      };
    };
    // Warm-up: prepared statements, JIT, producer connection.
    const warm = Array.from({ length: 10 }, () => newAccountId());
    await run(
      'warm-up',
      Array.from({ length: 100 }, (_, i) => credit(warm[i % 10] as string)),
    );
    for (let r = 0; r < repeat; r++) {
      const hot = newAccountId();
      rows.push(
        await run(
          'hot account',
          Array.from({ length: legs }, () => credit(hot)),
        ),
      );
      const many = Array.from({ length: accounts }, () => newAccountId());
      rows.push(
        await run(
          `${accounts} accounts`,
          Array.from({ length: legs }, (_, i) => credit(many[i % accounts] as string)),
        ),
      );
      // Not a benchmark without a correct ledger: the hot chain must verify.
      const chain = await readChain(kit.cassandra, iso.keyspace, hot);
      const violations = verifyChain(hot, chain);
      if (chain.length !== legs || violations.length > 0)
        throw new Error(`hot chain wrong: ${chain.length} rows, ${violations.length} violations`);
    }
  } finally {
    await service.stop();
    await kit.cleanup();
  }
  return rows;
}

const all: Row[] = [];
for (const cfg of configs) {
  process.stderr.write(`measuring: ${cfg.name}\n`);
  all.push(...(await measure(cfg)));
}
console.table(all);
console.log(JSON.stringify({ legs, accounts, repeat, at: new Date().toISOString(), rows: all }));
process.exit(0);
