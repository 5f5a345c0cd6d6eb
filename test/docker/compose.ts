import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadInfraConfig, repoRoot } from '@faultline/infra';

/** The compose project the docker level runs: the one docs/docker.md tells users to run. */
export const PROJECT = 'faultline';

/** Host ports (the defaults of .env unless moved for a developer's own run). */
export const uiPort = Number(process.env.FAULTLINE_UI_HOST_PORT ?? 5173);
export const chaosPort = Number(process.env.FAULTLINE_CHAOS_HOST_PORT ?? 4000);
export const UI = `http://127.0.0.1:${uiPort}`;
export const CHAOS = `http://127.0.0.1:${chaosPort}`;

/** Compose v2 when the CLI has it, else the old docker-compose (Debian's 1.29). */
function composeCommand(): string[] {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) {
    return ['docker', 'compose'];
  }
  return ['docker-compose'];
}
const command = composeCommand();
export const composeName = command.join(' ');

/** .env lines `npm run docker:images` wrote (the local images), as an environment. */
export function localImagesEnv(cacheDir: string): Record<string, string> {
  const file = path.join(cacheDir, 'docker', 'local-images.env');
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** Local images unless FAULTLINE_DOCKER_IMAGES=official (then .env's, from a registry). */
export const useLocalImages = process.env.FAULTLINE_DOCKER_IMAGES !== 'official';

let cachedEnv: Record<string, string> | undefined;
function stackEnv(): Record<string, string> {
  cachedEnv ??= useLocalImages ? localImagesEnv(loadInfraConfig().cacheDir) : {};
  return cachedEnv;
}

/** Runs `<compose> <args>` in the repository; returns stdout, throws with its output on failure. */
export function compose(args: string[], opts: { files?: string[]; quiet?: boolean } = {}): string {
  const files = (opts.files ?? ['docker-compose.yml']).flatMap((f) => ['-f', f]);
  const [bin, ...pre] = command;
  const res = spawnSync(bin!, [...pre, '-p', PROJECT, ...files, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...stackEnv() },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) {
    throw new Error(
      `${composeName} ${args.join(' ')} failed (${res.status}):\n${res.stdout}${res.stderr}`,
    );
  }
  if (!opts.quiet && res.stderr.trim()) process.stderr.write(res.stderr);
  return res.stdout;
}

/** `docker <args>` stdout, trimmed; throws on failure. */
export function docker(args: string[]): string {
  const res = spawnSync('docker', args, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`docker ${args.join(' ')}: ${res.stderr}`);
  return res.stdout.trim();
}

export interface ContainerState {
  name: string;
  service: string;
  state: string;
  health: string;
}

/** Every container of the project (stopped ones too), with its state and health. */
export function projectContainers(): ContainerState[] {
  const ids = docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${PROJECT}`]);
  if (!ids) return [];
  const format =
    '{{.Name}}|{{index .Config.Labels "com.docker.compose.service"}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}';
  return docker(['inspect', '--format', format, ...ids.split('\n')])
    .split('\n')
    .map((line) => {
      const [name = '', service = '', state = '', health = ''] = line.split('|');
      return { name: name.replace(/^\//, ''), service, state, health };
    });
}

/** What the project left behind: containers, networks and volumes carrying its label. */
export function leftovers(): string[] {
  const label = `label=com.docker.compose.project=${PROJECT}`;
  return [
    docker(['ps', '-aq', '--filter', label]),
    docker(['network', 'ls', '-q', '--filter', label]),
    docker(['volume', 'ls', '-q', '--filter', label]),
  ]
    .join('\n')
    .split('\n')
    .filter(Boolean);
}
