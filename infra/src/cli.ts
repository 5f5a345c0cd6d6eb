#!/usr/bin/env node
/**
 * npm run infra -- up|down|status|logs [--profile single|cluster] [node] [--lines N] [--follow]
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { InfraError } from './errors';
import { down, fetchJars, logFileOf, status, up } from './launcher';
import { nodeAddress } from './profiles';

const USAGE = `usage: npm run infra -- <command> [options]

commands:
  up       start every node of the profile that is not running; reuse healthy ones
  down     stop exactly the processes the launcher started (data is kept)
  status   each node: up, starting, paused or down (exit 3 if any is not up)
  logs     print a node's log: logs <node> [--lines N] [--follow]
  fetch    only download the Kafka and Cassandra jars into the cache

options:
  --profile single|cluster   single: 1 Kafka, 1 Cassandra, 1 Redis (default)
                             cluster: 3 Kafka brokers, 3 Cassandra nodes, 1 Redis
  --lines N                  with logs: how many lines (default 50)
  --follow, -f               with logs: keep printing as the log grows

environment: FAULTLINE_KAFKA_VERSION (3.9.1), FAULTLINE_CASSANDRA_VERSION (5.0.6),
  FAULTLINE_STATE_DIR (<repo>/.faultline), FAULTLINE_CACHE_DIR (~/.cache/faultline),
  FAULTLINE_KAFKA_HEAP_MB (512), FAULTLINE_CASSANDRA_HEAP_MB (512),
  FAULTLINE_CASSANDRA_PAXOS_VARIANT (v1, Cassandra's own default; v2 = fewer round trips per LWT),
  JAVA_HOME`;

const write = (line: string): void => console.log(line);

function uptime(since: string | undefined): string {
  if (!since) return '-';
  const s = Math.round((Date.now() - Date.parse(since)) / 1000);
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.round(s / 60)}m` : `${Math.round(s / 3600)}h`;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      lines: { type: 'string', default: '50' },
      follow: { type: 'boolean', short: 'f', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const profile = values.profile;
  switch (command) {
    case 'up':
      await up({ profile, write, ...(rest.length ? { only: rest } : {}) });
      return 0;
    case 'down':
      await down({ profile, write, ...(rest.length ? { only: rest } : {}) });
      return 0;
    case 'fetch':
      await fetchJars({ write });
      return 0;
    case 'status': {
      const res = await status({ profile });
      console.log(`profile ${res.profile.name}`);
      console.log(
        `${'NODE'.padEnd(13)}${'STATE'.padEnd(10)}${'PID'.padEnd(9)}${'ADDRESS'.padEnd(17)}${'UPTIME'.padEnd(8)}DETAIL`,
      );
      for (const n of res.nodes) {
        console.log(
          `${n.node.name.padEnd(13)}${n.state.padEnd(10)}${String(n.pid ?? '-').padEnd(9)}` +
            `${nodeAddress(n.node).padEnd(17)}${uptime(n.startedAt).padEnd(8)}${n.detail}`,
        );
      }
      return res.nodes.every((n) => n.state === 'up') ? 0 : 3;
    }
    case 'logs': {
      const node = rest[0];
      if (!node) throw new InfraError('USAGE', 'logs needs a node name, e.g. logs cassandra-1');
      const lines = Number(values.lines);
      if (!Number.isInteger(lines) || lines < 1)
        throw new InfraError('USAGE', '--lines takes a positive whole number');
      const file = logFileOf(node, { profile });
      const args = ['-n', String(lines), ...(values.follow ? ['-F'] : []), file];
      return await new Promise<number>((resolve) => {
        spawn('tail', args, { stdio: 'inherit' }).on('close', (code) => resolve(code ?? 0));
      });
    }
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof InfraError) {
      console.error(`\nerror [${err.code}]: ${err.message}`);
      if (err.hint) console.error(`hint: ${err.hint}`);
      process.exit(err.code === 'USAGE' || err.code === 'UNKNOWN_PROFILE' ? 2 : 1);
    }
    if (
      err instanceof TypeError &&
      'code' in err &&
      String(err.code).startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
