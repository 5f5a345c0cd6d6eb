import fs from 'node:fs';
import path from 'node:path';
import {
  cassandraJpmsFlags,
  cassandraLogback,
  ensureJars,
  kafkaLog4j,
  repoRoot,
} from '@faultline/infra';
import { builtHash, contentHash, HASH_LABEL } from './image-label';
import { run } from './run';

export interface ServerImageContext {
  cacheDir: string;
  workDir: string;
  /** The JRE base image (a debootstrap tree with openjdk-17-jre-headless). */
  jreImage: string;
  say: (line: string) => void;
  /** Environment for `docker build` (DOCKER_BUILDKIT=0 without buildx). */
  buildEnv: NodeJS.ProcessEnv;
}

interface ServerImage {
  tag: string;
  kind: 'kafka' | 'cassandra';
  version: string;
  /** docker/<dir>: Dockerfile and entrypoint. */
  dir: string;
  /** Where the jars go in the build context (the Dockerfile copies that folder). */
  libDir: string;
  /** Generated files of the build context, from the launcher's own configuration. */
  files: Record<string, string>;
}

export function kafkaImage(version: string): ServerImage {
  return {
    tag: `faultline-local/kafka:${version}`,
    kind: 'kafka',
    version,
    dir: 'kafka',
    libDir: 'libs',
    files: { 'log4j.properties': kafkaLog4j },
  };
}

export function cassandraImage(version: string): ServerImage {
  const line = version.split('.').slice(0, 2).join('.');
  return {
    tag: `faultline-local/cassandra:${line}`,
    kind: 'cassandra',
    version,
    dir: 'cassandra',
    libDir: 'lib',
    // One JVM option per line: the entrypoint reads them into an array.
    files: {
      'logback.xml': cassandraLogback,
      'jvm17.options': `${cassandraJpmsFlags.join('\n')}\n`,
    },
  };
}

/** Builds a Kafka or Cassandra image from the launcher's cached jars, unless up to date. */
export async function ensureServerImage(
  image: ServerImage,
  ctx: ServerImageContext,
): Promise<boolean> {
  const { libDir: jars } = await ensureJars(image.kind, image.version, ctx.cacheDir);
  const jarList = fs
    .readdirSync(jars)
    .sort()
    .map((f) => `${f}:${fs.statSync(path.join(jars, f)).size}`);
  const source = path.join(repoRoot, 'docker', image.dir);
  const sourceFiles = fs.readdirSync(source).sort();
  const hash = contentHash([
    (await builtHash(ctx.jreImage)) ?? ctx.jreImage,
    ...sourceFiles.flatMap((f) => [f, fs.readFileSync(path.join(source, f))]),
    ...Object.entries(image.files).flat(),
    ...jarList,
  ]);
  if ((await builtHash(image.tag)) === hash) {
    ctx.say(`${image.tag}: up to date (${hash})`);
    return false;
  }
  const started = Date.now();
  ctx.say(`${image.tag}: building from ${jars}`);
  const context = path.join(ctx.workDir, `context-${image.kind}`);
  fs.rmSync(context, { recursive: true, force: true });
  fs.cpSync(source, context, { recursive: true });
  fs.cpSync(jars, path.join(context, image.libDir), { recursive: true });
  for (const [name, text] of Object.entries(image.files)) {
    fs.writeFileSync(path.join(context, name), text);
  }
  await run(
    'docker',
    [
      'build',
      '--force-rm',
      '--build-arg',
      `JRE_IMAGE=${ctx.jreImage}`,
      '--label',
      `${HASH_LABEL}=${hash}`,
      '-t',
      image.tag,
      context,
    ],
    { quiet: true, env: ctx.buildEnv },
  );
  fs.rmSync(context, { recursive: true, force: true });
  ctx.say(`${image.tag}: built in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}
