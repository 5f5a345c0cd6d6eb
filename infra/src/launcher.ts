import fs from 'node:fs';
import path from 'node:path';
import { loadInfraConfig, type InfraConfig } from './config';
import { InfraError } from './errors';
import { ensureJars } from './jars';
import { withLock } from './lock';
import { logFileName, type NodeContext } from './node-context';
import { isPortFree } from './ports';
import { checkJava, checkRedisServer } from './prereqs';
import { procState, spawnServer, stopProcess, type ProcRecord } from './proc';
import { probeNode } from './probes';
import {
  getProfile,
  nodeAddress,
  nodePorts,
  profileNames,
  type NodeSpec,
  type Profile,
} from './profiles';
import { Progress, seconds, type Writer } from './progress';
import { RecordStore } from './records';
import { prepareNode, startBudgetMs } from './servers';
import { waitServing } from './wait';

export interface LauncherOptions {
  /** Defaults to the profile that is running, else `single`. */
  profile?: string | undefined;
  write?: Writer | undefined;
  env?: NodeJS.ProcessEnv;
}

export type NodeState = 'up' | 'starting' | 'paused' | 'down';

export interface NodeStatus {
  node: NodeSpec;
  state: NodeState;
  pid?: number;
  startedAt?: string;
  detail: string;
  logFile: string;
}

export interface UpOptions extends LauncherOptions {
  /** Start (or check) only these nodes; the default is every node of the profile. */
  only?: string[] | undefined;
}

export interface UpResult {
  profile: Profile;
  started: string[];
  reused: string[];
}

class ProfileRuntime {
  readonly profileDir: string;
  readonly records: RecordStore;

  constructor(
    readonly config: InfraConfig,
    readonly profile: Profile,
  ) {
    this.profileDir = path.join(config.stateDir, profile.name);
    this.records = new RecordStore(path.join(this.profileDir, 'run'));
  }

  nodeDir(node: NodeSpec): string {
    return path.join(this.profileDir, node.name);
  }

  logFile(node: NodeSpec): string {
    return path.join(this.nodeDir(node), logFileName);
  }

  /** The record of a live process of ours, cleaning a stale one (left by a crash). */
  live(node: NodeSpec, progress?: Progress): ProcRecord | undefined {
    const rec = this.records.read(node.name);
    if (!rec) return undefined;
    if (procState(rec) === 'gone') {
      this.records.remove(node.name);
      progress?.say(`  --  ${node.name}: pid ${rec.pid} is gone; cleaned its stale record`);
      return undefined;
    }
    return rec;
  }

  anyLive(): boolean {
    return this.profile.nodes.some((n) => this.live(n) !== undefined);
  }
}

function runtimeFor(name: string, config: InfraConfig): ProfileRuntime {
  return new ProfileRuntime(config, getProfile(name));
}

/** The profile named, or the one running, or `single`. */
function pickProfile(opts: LauncherOptions, config: InfraConfig): ProfileRuntime {
  if (opts.profile) return runtimeFor(opts.profile, config);
  // Both profiles can run at once (distinct ports); with no choice made, single wins.
  const running = profileNames.find((p) => runtimeFor(p, config).anyLive());
  return runtimeFor(running ?? 'single', config);
}

async function checkPortsFree(node: NodeSpec): Promise<void> {
  for (const port of nodePorts(node)) {
    if (!(await isPortFree(node.host, port))) {
      throw new InfraError(
        'PORT_TAKEN',
        `${node.host}:${port}, needed by ${node.name}, is already in use by a process Faultline did not start`,
        `find it with: ss -ltnp 'sport = :${port}'   (then stop it, or stop the other sandbox)`,
      );
    }
  }
}

function startNode(
  rt: ProfileRuntime,
  node: NodeSpec,
  libDirs: Record<string, string>,
): ProcRecord {
  const nodeDir = rt.nodeDir(node);
  fs.mkdirSync(nodeDir, { recursive: true });
  const ctx: NodeContext = {
    config: rt.config,
    profile: rt.profile,
    nodeDir,
    profileDir: rt.profileDir,
    libDir: libDirs[node.kind] ?? '',
  };
  const cmd = prepareNode(node, ctx);
  const rec = spawnServer({ node: node.name, ...cmd, logFile: rt.logFile(node), cwd: nodeDir });
  rt.records.write(rec);
  return rec;
}

async function fetchAll(config: InfraConfig, progress: Progress): Promise<Record<string, string>> {
  const how = (r: { fetched: boolean }): string =>
    r.fetched ? 'downloaded from Maven Central' : 'cached';
  const kafka = await progress.step(
    `Kafka ${config.kafkaVersion} jars`,
    () => ensureJars('kafka', config.kafkaVersion, config.cacheDir),
    how,
  );
  const cassandra = await progress.step(
    `Cassandra ${config.cassandraVersion} jars`,
    () => ensureJars('cassandra', config.cassandraVersion, config.cacheDir),
    how,
  );
  return { kafka: kafka.libDir, cassandra: cassandra.libDir };
}

/** Downloads the server jars into the cache (once) without starting anything. */
export async function fetchJars(opts: LauncherOptions = {}): Promise<void> {
  const config = loadInfraConfig(opts.env);
  const progress = new Progress(opts.write);
  checkJava(config.javaBin);
  progress.say(`Fetching server jars into ${config.cacheDir}`);
  await withLock(config.stateDir, () => fetchAll(config, progress));
  progress.say(`Done in ${progress.elapsed()}.`);
}

export async function up(opts: UpOptions = {}): Promise<UpResult> {
  const config = loadInfraConfig(opts.env);
  const progress = new Progress(opts.write);
  const rt = runtimeFor(opts.profile ?? 'single', config);
  return withLock(config.stateDir, async () => {
    progress.say(
      `Faultline infrastructure, profile ${rt.profile.name} (state in ${rt.profileDir})`,
    );
    checkJava(config.javaBin);
    checkRedisServer();
    const libDirs = await fetchAll(config, progress);

    const reused: string[] = [];
    const toStart: NodeSpec[] = [];
    const pending: { node: NodeSpec; rec: ProcRecord; t0: number }[] = [];
    const wanted = rt.profile.nodes.filter((n) => !opts.only || opts.only.includes(n.name));
    for (const node of wanted) {
      const rec = rt.live(node, progress);
      if (!rec) {
        toStart.push(node);
        continue;
      }
      if (procState(rec) === 'paused') {
        process.kill(rec.pid, 'SIGCONT');
        progress.say(`  --  ${node.name} was paused; resumed it`);
      }
      reused.push(node.name);
      pending.push({ node, rec, t0: Date.now() });
    }
    for (const node of toStart) await checkPortsFree(node);

    const started: string[] = [];
    try {
      for (const node of toStart) {
        pending.push({ node, rec: startNode(rt, node, libDirs), t0: Date.now() });
        started.push(node.name);
      }
      if (started.length)
        progress.say(`  ..  started ${started.join(', ')}; waiting until each serves`);
      const size = rt.profile.endpoints.replicationFactor;
      await Promise.all(
        pending.map(async ({ node, rec, t0 }) => {
          const detail = await waitServing(rec, startBudgetMs(node), () => probeNode(node, size));
          const how = reused.includes(node.name)
            ? 'already running'
            : `serving after ${seconds(Date.now() - t0)}`;
          progress.say(
            `  ok  ${node.name.padEnd(12)} ${nodeAddress(node).padEnd(16)} pid ${rec.pid}, ${how} (${detail})`,
          );
        }),
      );
    } catch (err) {
      // Leave nothing half-started behind: stop exactly what this call started.
      await Promise.all(
        started.map(async (name) => {
          const rec = rt.records.read(name);
          if (rec) await stopProcess(rec, 5_000);
          rt.records.remove(name);
        }),
      );
      throw err;
    }
    progress.say(
      `All ${wanted.length} nodes of ${rt.profile.name} ready in ${progress.elapsed()}.`,
    );
    progress.say(endpointSummary(rt.profile));
    return { profile: rt.profile, started, reused };
  });
}

export function endpointSummary(profile: Profile): string {
  const e = profile.endpoints;
  return [
    `  Kafka brokers:   ${e.kafkaBrokers.join(',')}`,
    `  Cassandra (CQL): ${e.cassandraContactPoints.join(',')} port ${e.cassandraPort}`,
    `  Redis:           ${e.redisUrl}`,
  ].join('\n');
}

export interface DownOptions extends LauncherOptions {
  /** Stop only these nodes (by name); the default is every node of the profile. */
  only?: string[];
}

export async function down(opts: DownOptions = {}): Promise<{ stopped: string[] }> {
  const config = loadInfraConfig(opts.env);
  const progress = new Progress(opts.write);
  const rt = pickProfile(opts, config);
  return withLock(config.stateDir, async () => {
    const nodes = rt.profile.nodes.filter((n) => !opts.only || opts.only.includes(n.name));
    const live = nodes.flatMap((node) => {
      const rec = rt.live(node, progress);
      return rec ? [{ node, rec }] : [];
    });
    if (live.length === 0) {
      progress.say(`Nothing of the ${rt.profile.name} profile is running.`);
      return { stopped: [] };
    }
    const stopped = await Promise.all(
      live.map(async ({ node, rec }) => {
        const how = await progress.step(`stop ${node.name} (pid ${rec.pid})`, () =>
          stopProcess(rec),
        );
        rt.records.remove(node.name);
        if (how === 'killed') progress.say(`  --  ${node.name} ignored SIGTERM; killed it`);
        return node.name;
      }),
    );
    progress.say(
      `Stopped ${stopped.length} node(s) in ${progress.elapsed()}; data kept in ${rt.profileDir}.`,
    );
    return { stopped };
  });
}

export async function status(
  opts: LauncherOptions = {},
): Promise<{ profile: Profile; nodes: NodeStatus[] }> {
  const config = loadInfraConfig(opts.env);
  const rt = pickProfile(opts, config);
  const size = rt.profile.endpoints.replicationFactor;
  const nodes = await Promise.all(
    rt.profile.nodes.map(async (node): Promise<NodeStatus> => {
      const logFile = rt.logFile(node);
      const rec = rt.live(node);
      if (!rec) return { node, state: 'down', detail: 'not running', logFile };
      const base = { node, pid: rec.pid, startedAt: rec.startedAt, logFile };
      if (procState(rec) === 'paused') return { ...base, state: 'paused', detail: 'SIGSTOPped' };
      try {
        const detail = await Promise.race([
          probeNode(node, size),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('no answer in 3 s')), 3000).unref(),
          ),
        ]);
        return { ...base, state: 'up', detail };
      } catch (err) {
        return {
          ...base,
          state: 'starting',
          detail: `process alive, not serving: ${(err as Error).message}`,
        };
      }
    }),
  );
  return { profile: rt.profile, nodes };
}

export function logFileOf(nodeName: string, opts: LauncherOptions = {}): string {
  const config = loadInfraConfig(opts.env);
  const rt = pickProfile(opts, config);
  const node = rt.profile.nodes.find((n) => n.name === nodeName);
  if (!node) {
    throw new InfraError(
      'UNKNOWN_NODE',
      `no node "${nodeName}" in the ${rt.profile.name} profile`,
      `nodes: ${rt.profile.nodes.map((n) => n.name).join(', ')}`,
    );
  }
  return rt.logFile(node);
}

/**
 * Sends a signal to one of our running nodes (kill, stop, pause, resume for tests and the
 * control plane). Refuses a node that is not running rather than signalling a stale pid.
 */
export function signalNode(
  nodeName: string,
  sig: NodeJS.Signals,
  opts: LauncherOptions = {},
): { pid: number } {
  const config = loadInfraConfig(opts.env);
  const rt = pickProfile(opts, config);
  const node = rt.profile.nodes.find((n) => n.name === nodeName);
  const rec = node && rt.live(node);
  if (!node || !rec) {
    throw new InfraError(
      'NODE_NOT_RUNNING',
      `${nodeName} is not a running node of the ${rt.profile.name} profile`,
    );
  }
  process.kill(rec.pid, sig);
  return { pid: rec.pid };
}

export interface NodeProcess {
  node: NodeSpec;
  state: 'running' | 'paused' | 'down';
  pid?: number;
  startedAt?: string;
}

/** Each node's process state from the pid records alone: cheap enough to poll every second. */
export function listNodes(opts: LauncherOptions = {}): { profile: Profile; nodes: NodeProcess[] } {
  const config = loadInfraConfig(opts.env);
  const rt = pickProfile(opts, config);
  const nodes = rt.profile.nodes.map((node): NodeProcess => {
    const rec = rt.live(node);
    if (!rec) return { node, state: 'down' };
    const state = procState(rec) === 'paused' ? 'paused' : 'running';
    return { node, state, pid: rec.pid, startedAt: rec.startedAt };
  });
  return { profile: rt.profile, nodes };
}
