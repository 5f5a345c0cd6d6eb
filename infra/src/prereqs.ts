import { spawnSync } from 'node:child_process';
import { InfraError } from './errors';

function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  const res = spawnSync(cmd, args, { encoding: 'utf8' });
  if (res.error) return { ok: false, out: res.error.message };
  return { ok: res.status === 0, out: `${res.stdout}${res.stderr}` };
}

/** The major version from `java -version` output ("1.8.0_402" is 8, "17.0.15" is 17). */
export function parseJavaMajor(out: string): number {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(out);
  if (!match) return NaN;
  return Number(match[1] === '1' ? match[2] : match[1]);
}

/** Cassandra 5.0 runs on Java 11 or 17 and its JPMS flags are written for 17; 18+ fails. */
export function checkJava(javaBin: string): number {
  const { ok, out } = run(javaBin, ['-version']);
  if (!ok) {
    throw new InfraError(
      'JAVA_MISSING',
      `Java was not found (${javaBin}: ${out.trim().split('\n')[0]})`,
      'install OpenJDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME to a JDK 17',
    );
  }
  const major = parseJavaMajor(out);
  if (major !== 17) {
    throw new InfraError(
      'JAVA_VERSION',
      `Java 17 is required, found ${Number.isNaN(major) ? 'an unknown version' : major}`,
      'Cassandra 5.0 does not start on Java 18 or later: set JAVA_HOME to a JDK 17',
    );
  }
  return major;
}

export function checkMaven(): void {
  const { ok } = run('mvn', ['-v']);
  if (!ok) {
    throw new InfraError(
      'MAVEN_MISSING',
      'Maven (mvn) was not found; it is needed once, to fetch the Kafka and Cassandra jars',
      'install Maven (apt-get install maven) and run again',
    );
  }
}

export function checkRedisServer(): void {
  const { ok } = run('redis-server', ['--version']);
  if (!ok) {
    throw new InfraError(
      'REDIS_MISSING',
      'redis-server was not found',
      'install it (apt-get install redis-server, or brew install redis)',
    );
  }
}
