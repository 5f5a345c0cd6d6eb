import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { contentHash, builtHash, HASH_LABEL } from './image-label';
import { run } from './run';

/** A base image made from a Debian root filesystem (debootstrap), no registry involved. */
export interface RootfsImage {
  tag: string;
  /** Debian packages on top of the minbase variant. */
  include: readonly string[];
  /** Changes to the unpacked tree before it is imported (users, files from the host). */
  prepare?: (root: string) => Promise<void>;
  /** Dockerfile instructions applied on import (USER, WORKDIR, CMD, ENV ...). */
  changes: readonly string[];
  /** Extra inputs of the content hash (e.g. the Node version copied in). */
  inputs?: readonly string[];
}

export interface RootfsContext {
  suite: string;
  mirror: string;
  /** Where debootstrap keeps downloaded packages between runs, and where trees are unpacked. */
  workDir: string;
  say: (line: string) => void;
}

/** Bumped when prepare/cleanup below change in a way the inputs do not show. */
const RECIPE = 2;

/** The Debian mirror apt already uses on this machine (deb.debian.org if none is found). */
export function aptMirror(): string {
  const fromEnv = process.env.FAULTLINE_DEBIAN_MIRROR;
  if (fromEnv) return fromEnv;
  const candidates = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'];
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const deb822 = /^URIs:\s*(\S+\/debian)\/?\s*$/m.exec(text);
    const oneLine = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s+/m.exec(text);
    const found = deb822?.[1] ?? oneLine?.[1];
    if (found) return found;
  }
  return 'http://deb.debian.org/debian';
}

/** Documentation, manuals, translations and package lists: nothing a container reads. */
function slim(root: string): void {
  for (const dir of ['usr/share/doc', 'usr/share/man', 'usr/share/info', 'var/lib/apt/lists']) {
    fs.rmSync(path.join(root, dir), { recursive: true, force: true });
    fs.mkdirSync(path.join(root, dir), { recursive: true });
  }
  const locale = path.join(root, 'usr/share/locale');
  for (const entry of fs.existsSync(locale) ? fs.readdirSync(locale) : []) {
    if (entry !== 'locale.alias') fs.rmSync(path.join(locale, entry), { recursive: true });
  }
  fs.rmSync(path.join(root, 'var/cache/apt'), { recursive: true, force: true });
  fs.rmSync(path.join(root, 'var/log'), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'var/log'), { recursive: true });
}

/**
 * Unmounts whatever debootstrap left mounted inside the tree (it mounts /proc and /sys while
 * it installs, and a failed run leaves them), so removing the tree never walks into them.
 */
async function unmountUnder(root: string): Promise<void> {
  const mounts = fs
    .readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '')
    .filter((m) => m === root || m.startsWith(`${root}/`))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) await run('umount', ['-l', m], { quiet: true }).catch(() => undefined);
}

async function removeTree(root: string): Promise<void> {
  await unmountUnder(root);
  fs.rmSync(root, { recursive: true, force: true });
}

function importTree(root: string, image: RootfsImage, hash: string): Promise<void> {
  const changes = [...image.changes, `LABEL ${HASH_LABEL}=${hash}`].flatMap((c) => ['--change', c]);
  const tar = spawn('tar', ['-C', root, '--numeric-owner', '-c', '.'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return run('docker', ['import', ...changes, '-', image.tag], {
    quiet: true,
    input: tar.stdout,
  }).then(() => undefined);
}

/** Builds the image unless one with the same content hash exists; returns true if built. */
export async function ensureRootfsImage(image: RootfsImage, ctx: RootfsContext): Promise<boolean> {
  const hash = contentHash([
    String(RECIPE),
    ctx.suite,
    ctx.mirror,
    image.include.join(','),
    image.changes.join('\n'),
    ...(image.inputs ?? []),
  ]);
  if ((await builtHash(image.tag)) === hash) {
    ctx.say(`${image.tag}: up to date (${hash})`);
    return false;
  }
  const started = Date.now();
  ctx.say(`${image.tag}: debootstrap ${ctx.suite} minbase + [${image.include.join(' ')}]`);
  const debs = path.join(ctx.workDir, 'debs');
  const root = path.join(ctx.workDir, 'rootfs', image.tag.replace(/[^a-z0-9.-]/gi, '_'));
  await removeTree(root);
  fs.mkdirSync(debs, { recursive: true });
  const include = image.include.length ? [`--include=${image.include.join(',')}`] : [];
  try {
    await run(
      'debootstrap',
      ['--variant=minbase', `--cache-dir=${debs}`, ...include, ctx.suite, root, ctx.mirror],
      { quiet: true },
    );
    await unmountUnder(root);
    await image.prepare?.(root);
    slim(root);
    await importTree(root, image, hash);
  } finally {
    await removeTree(root);
  }
  ctx.say(`${image.tag}: built in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}
