import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { InfraError } from './errors';
import { checkMaven } from './prereqs';

export type ServerKind = 'kafka' | 'cassandra';

interface Artifact {
  group: string;
  artifact: string;
  version: string;
}

export function artifactsFor(kind: ServerKind, version: string): Artifact[] {
  if (kind === 'cassandra') {
    return [{ group: 'org.apache.cassandra', artifact: 'cassandra-all', version }];
  }
  // kafka_2.13 has no logging backend of its own: reload4j is what Kafka 3.x ships with.
  return [
    { group: 'org.apache.kafka', artifact: 'kafka_2.13', version },
    { group: 'org.slf4j', artifact: 'slf4j-reload4j', version: '1.7.36' },
  ];
}

export function pom(kind: ServerKind, artifacts: Artifact[]): string {
  const deps = artifacts
    .map(
      (a) =>
        `    <dependency><groupId>${a.group}</groupId><artifactId>${a.artifact}</artifactId>` +
        `<version>${a.version}</version></dependency>`,
    )
    .join('\n');
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.faultline</groupId>
  <artifactId>${kind}-server</artifactId>
  <version>1</version>
  <dependencies>
${deps}
  </dependencies>
</project>
`;
}

const UNREACHABLE =
  /Could not transfer|UnknownHost|Connection refused|Connect timed out|Network is unreachable|Could not resolve/;

function runMaven(
  dir: string,
  libDir: string,
  repoDir: string,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      'mvn',
      [
        '-B',
        '-q',
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${libDir}`,
        // Maven's own repository inside our cache: deleting ~/.cache/faultline is a full reset.
        `-Dmaven.repo.local=${repoDir}`,
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (err) => resolve({ code: -1, out: err.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/**
 * The directory of jars for a server, fetched from Maven Central once through a generated pom
 * and cached outside the repo. A `.complete` marker makes a half-finished download retry.
 */
export async function ensureJars(
  kind: ServerKind,
  version: string,
  cacheDir: string,
): Promise<{ libDir: string; fetched: boolean }> {
  const dir = path.join(cacheDir, 'jars', `${kind}-${version}`);
  const libDir = path.join(dir, 'lib');
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return { libDir, fetched: false };

  checkMaven();
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'pom.xml'), pom(kind, artifactsFor(kind, version)));
  const { code, out } = await runMaven(dir, libDir, path.join(cacheDir, 'm2'));
  if (code !== 0) {
    const tail = out.trim().split('\n').slice(-8).join('\n');
    if (UNREACHABLE.test(out)) {
      throw new InfraError(
        'MAVEN_CENTRAL_UNREACHABLE',
        `could not download ${kind} ${version} from Maven Central:\n${tail}`,
        'check the network or proxy settings (~/.m2/settings.xml), then run again',
      );
    }
    throw new InfraError(
      'JAR_FETCH_FAILED',
      `Maven failed to fetch ${kind} ${version} (exit ${code}):\n${tail}`,
      `is ${version} a released version? the pom is at ${path.join(dir, 'pom.xml')}`,
    );
  }
  fs.writeFileSync(marker, new Date().toISOString());
  return { libDir, fetched: true };
}
