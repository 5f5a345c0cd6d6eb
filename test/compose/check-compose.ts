import { nodeIdOf, nodeKindOf } from '@faultline/runtime-docker';
import { environmentOf, memoryBytes, type ComposeFile, type ServiceSpec } from './compose-model';

/** What process mode runs, which the compose file must match (see expectations.ts). */
export interface ComposeExpectations {
  /** Compose services that must exist in every layout. */
  services: string[];
  /** Services scaled with --scale: no container_name, hostname or host port. */
  scalable: string[];
  /** Infrastructure node ids of this layout, as process mode names them. */
  infraNodes: string[];
  /** Run-to-completion helpers (the secrets): no healthcheck, no restart, waited for to finish. */
  oneShot: string[];
  /** Environment variables each service reads. */
  env: Record<string, string[]>;
  /** Variables set per replica by the service's command instead (its instance id). */
  commandEnv: Record<string, string[]>;
  /** The only services that may publish ports, with the container ports they publish. */
  published: Record<string, number[]>;
  /** Dependencies each service must wait for. */
  dependencies: Record<string, string[]>;
  /** Infrastructure services' data directories, each on a named volume. */
  dataVolumes: Record<string, string>;
  /** Memory ceilings: the limits of the services (times their scale) must fit. */
  memoryBudgets: { scale: Record<string, number>; maxBytes: number }[];
  /** The service that gets the Docker socket. */
  dockerSocket: string;
}

const WAITING = new Set(['service_healthy', 'service_completed_successfully']);

function hasHealthcheck(s: ServiceSpec): boolean {
  const test = s.healthcheck?.test;
  if (!s.healthcheck || s.healthcheck.disable || test === undefined) return false;
  return !(Array.isArray(test) && (test[0] === 'NONE' || test.length === 0));
}

function commandText(s: ServiceSpec): string {
  return Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? '');
}

function portSpec(p: NonNullable<ServiceSpec['ports']>[number]) {
  if (typeof p === 'object') {
    return { hostIp: p.host_ip, published: p.published, target: Number(p.target) };
  }
  const parts = String(p).split(':');
  const target = Number(parts.at(-1)?.split('/')[0]);
  if (parts.length === 3) return { hostIp: parts[0], published: parts[1], target };
  return { hostIp: undefined, published: parts.length === 2 ? parts[0] : undefined, target };
}

function checkDependencies(compose: ComposeFile, e: ComposeExpectations, problems: string[]) {
  for (const [name, s] of Object.entries(compose.services)) {
    const deps = s.depends_on ?? {};
    if (Array.isArray(deps)) {
      problems.push(
        `${name}: depends_on must name a condition (service_healthy) for each dependency`,
      );
      continue;
    }
    for (const [dep, spec] of Object.entries(deps)) {
      const target = compose.services[dep];
      if (!target) {
        problems.push(`${name}: depends on "${dep}", which is not a service`);
        continue;
      }
      if (!WAITING.has(spec.condition ?? '')) {
        problems.push(
          `${name}: depends on ${dep} without waiting (condition ${spec.condition ?? 'none'})`,
        );
      }
      if (spec.condition === 'service_healthy' && !hasHealthcheck(target)) {
        problems.push(`${name}: waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      }
      if (e.oneShot.includes(dep) && spec.condition !== 'service_completed_successfully') {
        problems.push(`${name}: must wait for the one-shot ${dep} to complete successfully`);
      }
      // docker-compose 1.29 does not know `required` (Compose 2.20 does): one file for both.
      if (spec.required !== undefined) {
        problems.push(
          `${name}: depends_on ${dep} uses "required", which docker-compose 1.x refuses`,
        );
      }
    }
    for (const dep of e.dependencies[name] ?? []) {
      if (!(dep in deps)) problems.push(`${name}: does not wait for ${dep}`);
    }
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (n: string): void => {
    if (done.has(n)) return;
    if (visiting.has(n)) return void problems.push(`depends_on has a cycle through ${n}`);
    visiting.add(n);
    const deps = compose.services[n]?.depends_on;
    for (const d of deps && !Array.isArray(deps) ? Object.keys(deps) : []) visit(d);
    visiting.delete(n);
    done.add(n);
  };
  Object.keys(compose.services).forEach(visit);
}

function checkPorts(name: string, s: ServiceSpec, e: ComposeExpectations, problems: string[]) {
  const allowed = e.published[name];
  const ports = (s.ports ?? []).map(portSpec);
  if (!allowed && ports.length > 0) problems.push(`${name}: publishes a host port`);
  for (const p of allowed ? ports : []) {
    if (p.hostIp !== '127.0.0.1') problems.push(`${name}: port ${p.target} not bound to 127.0.0.1`);
  }
  for (const target of allowed ?? []) {
    if (!ports.some((p) => p.target === target))
      problems.push(`${name}: does not publish ${target}`);
  }
}

function checkEnv(name: string, s: ServiceSpec, e: ComposeExpectations, problems: string[]) {
  const env = environmentOf(s);
  const command = commandText(s);
  for (const variable of e.env[name] ?? []) {
    if (variable in env) continue;
    if ((e.commandEnv[name] ?? []).includes(variable) && command.includes(`${variable}=`)) continue;
    problems.push(`${name}: ${variable} is not set`);
  }
}

function checkMemory(compose: ComposeFile, e: ComposeExpectations, problems: string[]) {
  for (const budget of e.memoryBudgets) {
    let total = 0;
    for (const name of Object.keys(compose.services)) {
      const s = compose.services[name] ?? {};
      const bytes = memoryBytes(s.mem_limit ?? s.deploy?.resources?.limits?.memory);
      if (bytes === undefined) continue; // reported once below
      total += bytes * (budget.scale[name] ?? 1);
    }
    if (total > budget.maxBytes) {
      const gib = (n: number) => (n / 1024 ** 3).toFixed(2);
      problems.push(
        `memory limits add up to ${gib(total)} GiB with scale ${JSON.stringify(budget.scale)}: ` +
          `over ${gib(budget.maxBytes)} GiB`,
      );
    }
  }
}

function checkVolumes(compose: ComposeFile, e: ComposeExpectations, problems: string[]) {
  for (const [name, s] of Object.entries(compose.services)) {
    const kind = nodeKindOf(name);
    const dataPath = kind ? e.dataVolumes[kind] : undefined;
    if (!dataPath) continue;
    const mount = (s.volumes ?? [])
      .map((v) =>
        typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v,
      )
      .find((v) => v.target === dataPath);
    if (!mount?.source || !(mount.source in (compose.volumes ?? {}))) {
      problems.push(`${name}: ${dataPath} is not on a named volume`);
    }
  }
}

/**
 * Checks an interpolated compose file against process mode. Returns one line per problem
 * (empty when the file is right), so a test can both pass on the real file and show that a
 * broken copy is caught.
 */
export function checkCompose(compose: ComposeFile, e: ComposeExpectations): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  for (const name of e.services) {
    if (!services[name]) problems.push(`service ${name} is missing`);
  }
  const present = Object.keys(services)
    .filter((n) => ['kafka', 'cassandra', 'redis'].includes(nodeKindOf(n) ?? ''))
    .map((n) => nodeIdOf(n, 1));
  for (const node of e.infraNodes) {
    if (!present.includes(node)) problems.push(`infrastructure node ${node} is missing`);
  }
  for (const node of present) {
    if (!e.infraNodes.includes(node)) problems.push(`${node} runs here but not in process mode`);
  }
  for (const [name, s] of Object.entries(services)) {
    if (e.scalable.includes(name)) {
      if (s.container_name) problems.push(`${name}: scalable but has container_name`);
      if (s.hostname) problems.push(`${name}: scalable but has a fixed hostname`);
    }
    if (s.profiles) problems.push(`${name}: uses profiles (layouts are override files)`);
    if (e.oneShot.includes(name)) {
      if (s.restart !== 'no') problems.push(`${name}: a one-shot must not restart`);
    } else if (!hasHealthcheck(s)) {
      problems.push(`${name}: no healthcheck`);
    }
    if (memoryBytes(s.mem_limit ?? s.deploy?.resources?.limits?.memory) === undefined) {
      problems.push(`${name}: no memory limit`);
    }
    checkPorts(name, s, e, problems);
    checkEnv(name, s, e, problems);
  }
  const socket = services[e.dockerSocket];
  const socketMount = (socket?.volumes ?? []).find(
    (v) => typeof v === 'string' && v.startsWith('/var/run/docker.sock:/var/run/docker.sock'),
  );
  if (!socketMount || String(socketMount).endsWith(':ro')) {
    problems.push(`${e.dockerSocket}: the Docker socket is not mounted read-write`);
  }
  checkDependencies(compose, e, problems);
  checkMemory(compose, e, problems);
  checkVolumes(compose, e, problems);
  return problems;
}
