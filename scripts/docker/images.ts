import fs from 'node:fs';
import path from 'node:path';
import { loadInfraConfig, repoRoot } from '@faultline/infra';
import { jreImage, nodeImage, redisImage } from './base-images';
import { aptMirror, ensureRootfsImage } from './rootfs';
import { run, succeeds } from './run';
import { cassandraImage, ensureServerImage, kafkaImage } from './server-images';

// `npm run docker:images`: the images docker-compose.yml needs, made from what this machine
// reaches without an image registry (Debian packages through debootstrap, this machine's Node,
// the launcher's Maven Central jars), then the app image on top. Each is skipped when an image
// with the same content hash exists. Prints (and writes) the .env lines that select them.
//   --no-app   base and server images only

const say = (line: string) => console.error(`[docker:images] ${line}`);

async function main(): Promise<void> {
  const started = Date.now();
  const infra = loadInfraConfig();
  const workDir = path.join(infra.cacheDir, 'docker');
  fs.mkdirSync(workDir, { recursive: true });
  if (!(await succeeds('docker', ['info']))) {
    throw new Error('no Docker engine answers: start dockerd (or Docker Desktop) first');
  }
  // Without the buildx plugin, a recent docker CLI refuses to build unless told to use the
  // classic builder; the Dockerfiles here need nothing BuildKit adds.
  const buildEnv = (await succeeds('docker', ['buildx', 'version']))
    ? process.env
    : { ...process.env, DOCKER_BUILDKIT: '0' };
  const rootfs = { suite: 'bookworm', mirror: aptMirror(), workDir, say };
  const node = nodeImage();
  for (const image of [jreImage, redisImage, node]) await ensureRootfsImage(image, rootfs);

  const servers = { cacheDir: infra.cacheDir, workDir, jreImage: jreImage.tag, say, buildEnv };
  const kafka = kafkaImage(infra.kafkaVersion);
  const cassandra = cassandraImage(infra.cassandraVersion);
  for (const image of [kafka, cassandra]) await ensureServerImage(image, servers);

  const env = [
    `FAULTLINE_KAFKA_IMAGE=${kafka.tag}`,
    `FAULTLINE_CASSANDRA_IMAGE=${cassandra.tag}`,
    `FAULTLINE_REDIS_IMAGE=${redisImage.tag}`,
    `FAULTLINE_NODE_IMAGE=${node.tag}`,
  ];
  if (!process.argv.includes('--no-app')) {
    const appStarted = Date.now();
    say(`faultline-app:dev: docker build (NODE_IMAGE=${node.tag})`);
    // Host network for the build only: `npm ci` reaches the npm registry the way this
    // machine does; containers of the running stack stay on the project network.
    await run(
      'docker',
      [
        'build',
        '--force-rm',
        '--network',
        'host',
        '--target',
        'runtime',
        '--build-arg',
        `NODE_IMAGE=${node.tag}`,
        '-t',
        'faultline-app:dev',
        repoRoot,
      ],
      { quiet: true, env: buildEnv },
    );
    say(`faultline-app:dev: done in ${Math.round((Date.now() - appStarted) / 1000)} s`);
  }
  const envFile = path.join(workDir, 'local-images.env');
  fs.writeFileSync(envFile, `${env.join('\n')}\n`);
  say(`all images ready in ${Math.round((Date.now() - started) / 1000)} s; select them with`);
  say(`these lines in .env (also in ${envFile}):`);
  console.log(env.join('\n'));
}

main().catch((err: unknown) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
