import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RootfsImage } from './rootfs';
import { run } from './run';

/** Debian's OpenJDK 17: what Cassandra 5.0 and Kafka 3.9 run on (as in process mode). */
export const jreImage: RootfsImage = {
  tag: 'faultline-local/jre:17',
  include: ['openjdk-17-jre-headless'],
  changes: ['ENV LANG=C.UTF-8'],
};

/** Debian's redis-server, laid out like the official image: /data owned by redis. */
export const redisImage: RootfsImage = {
  tag: 'faultline-local/redis:7',
  include: ['redis-server'],
  prepare: async (root) => {
    fs.mkdirSync(path.join(root, 'data'), { recursive: true });
    await run('chroot', [root, 'chown', 'redis:redis', '/data'], { quiet: true });
  },
  changes: ['USER redis', 'WORKDIR /data', 'EXPOSE 6379', 'CMD ["redis-server"]'],
};

/**
 * Certificate authorities this machine adds to Debian's (a proxy's, a company's): the local
 * Node image trusts them too, so `npm ci` in the app build reaches the registry the way this
 * machine's own npm does. The official node image needs none of this.
 */
const LOCAL_CAS = '/usr/local/share/ca-certificates';
function localCas(): string[] {
  if (!fs.existsSync(LOCAL_CAS)) return [];
  return fs
    .readdirSync(LOCAL_CAS)
    .filter((f) => f.endsWith('.crt'))
    .sort();
}

function nodeOnHost(): { bin: string; npm: string; version: string } {
  const bin = fs.realpathSync(process.execPath);
  const npm = path.join(execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim(), 'npm');
  return { bin, npm, version: process.versions.node };
}

/**
 * This machine's own Node (the one running this script: it satisfies the project's engines),
 * with its npm, on a Debian tree, with the unprivileged `node` user (uid 1000) the official
 * node image ships and the Dockerfile relies on.
 */
export function nodeImage(): RootfsImage {
  const host = nodeOnHost();
  const major = host.version.split('.')[0];
  return {
    tag: `faultline-local/node:${major}`,
    include: ['ca-certificates'],
    inputs: [
      host.version,
      fs.readFileSync(path.join(host.npm, 'package.json'), 'utf8'),
      ...localCas().map((f) => fs.readFileSync(path.join(LOCAL_CAS, f), 'utf8')),
    ],
    prepare: async (root) => {
      const cas = localCas();
      for (const f of cas)
        fs.copyFileSync(path.join(LOCAL_CAS, f), path.join(root, LOCAL_CAS.slice(1), f));
      if (cas.length) await run('chroot', [root, 'update-ca-certificates'], { quiet: true });
      const bin = path.join(root, 'usr/local/bin');
      const lib = path.join(root, 'usr/local/lib/node_modules');
      fs.mkdirSync(bin, { recursive: true });
      fs.mkdirSync(lib, { recursive: true });
      fs.copyFileSync(host.bin, path.join(bin, 'node'));
      fs.chmodSync(path.join(bin, 'node'), 0o755);
      fs.cpSync(host.npm, path.join(lib, 'npm'), { recursive: true, verbatimSymlinks: true });
      fs.symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', path.join(bin, 'npm'));
      fs.symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', path.join(bin, 'npx'));
      await run(
        'chroot',
        [root, 'useradd', '--uid', '1000', '--create-home', '--shell', '/bin/bash', 'node'],
        {
          quiet: true,
        },
      );
    },
    // Node reads its own CA list, not Debian's, unless told: with this, both.
    changes: [
      'ENV LANG=C.UTF-8',
      'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt',
      'CMD ["node"]',
    ],
  };
}
