import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { interpolateDeep, parseDotEnv } from './interpolate';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface HealthcheckSpec {
  test?: string | string[];
  disable?: boolean;
}

export interface DependsOnSpec {
  condition?: string;
  required?: boolean;
}

/** The parts of a compose service the checks read (the schema validates the rest). */
export interface ServiceSpec {
  image?: string;
  build?: unknown;
  command?: string | string[];
  container_name?: string;
  hostname?: string;
  ports?: (string | number | { published?: string | number; host_ip?: string; target?: number })[];
  environment?: Record<string, string | number | boolean | null> | string[];
  env_file?: unknown;
  healthcheck?: HealthcheckSpec;
  depends_on?: string[] | Record<string, DependsOnSpec>;
  profiles?: string[];
  mem_limit?: string | number;
  deploy?: { resources?: { limits?: { memory?: string } } };
  volumes?: (string | { type?: string; source?: string; target?: string; read_only?: boolean })[];
  user?: string;
  restart?: string;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ServiceSpec>;
  volumes?: Record<string, unknown>;
  [extension: string]: unknown;
}

/** docker-compose.yml with YAML merge keys (<<) resolved, as compose itself reads it. */
export function readComposeYaml(file = path.join(repoRoot, 'docker-compose.yml')): ComposeFile {
  return parse(fs.readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
}

export function readDotEnv(file = path.join(repoRoot, '.env')): Record<string, string> {
  return parseDotEnv(fs.readFileSync(file, 'utf8'));
}

/** The compose file after interpolation with .env; `missing` names undefined variables. */
export function resolveCompose(
  raw: ComposeFile,
  vars: Readonly<Record<string, string>>,
): { compose: ComposeFile; missing: string[] } {
  const missing = new Set<string>();
  const compose = interpolateDeep(raw, vars, missing);
  return { compose, missing: [...missing].sort() };
}

/** A service's environment as a map, whichever of the two compose syntaxes it uses. */
export function environmentOf(service: ServiceSpec): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((e) => {
        const eq = e.indexOf('=');
        return eq < 0 ? [e, ''] : [e.slice(0, eq), e.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function mountTarget(v: unknown): string {
  return typeof v === 'string' ? (v.split(':')[1] ?? v) : String((v as Mapping).target);
}

/**
 * One service of an override file merged into the base's, the way Compose merges `-f a -f b`:
 * environment, depends_on, labels and the like merge key by key; volumes merge by container
 * path; anything else (image, command, mem_limit, healthcheck ...) is replaced.
 */
function mergeService(base: ServiceSpec, over: ServiceSpec): ServiceSpec {
  const out: Mapping = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    if (key === 'volumes' && Array.isArray(current) && Array.isArray(value)) {
      const byTarget = new Map(current.map((v) => [mountTarget(v), v]));
      for (const v of value) byTarget.set(mountTarget(v), v);
      out[key] = [...byTarget.values()];
    } else if (isMapping(current) && isMapping(value)) {
      out[key] = { ...current, ...value };
    } else {
      out[key] = value;
    }
  }
  return out as ServiceSpec;
}

/** `docker compose -f base -f override`: the override's services and volumes merged in. */
export function mergeCompose(base: ComposeFile, override: ComposeFile): ComposeFile {
  const services: Record<string, ServiceSpec> = { ...base.services };
  for (const [name, spec] of Object.entries(override.services ?? {})) {
    services[name] = services[name] ? mergeService(services[name], spec) : spec;
  }
  return { ...base, services, volumes: { ...base.volumes, ...override.volumes } };
}

/** Bytes of a compose memory value ("512m", "1g", "1536m", 1048576). */
export function memoryBytes(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)\s*([bkmg]?)b?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit =
    { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Number(m[1]) * unit;
}
