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

/** Services enabled when the given profiles are active (no `profiles` = always enabled). */
export function enabledServices(compose: ComposeFile, active: readonly string[]): string[] {
  return Object.entries(compose.services)
    .filter(([, s]) => !s.profiles || s.profiles.some((p) => active.includes(p)))
    .map(([name]) => name);
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
