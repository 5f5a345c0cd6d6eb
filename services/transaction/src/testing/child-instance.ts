import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * A service instance as a real process: `node --import tsx services/<service>/src/main.ts`
 * (what the `tsx` command runs, but as ONE process: the tsx CLI forwards signals to a child
 * node, and a SIGKILL to the wrapper would orphan that child instead of killing it). Default
 * the transaction service; its log level must be info to see the port it listens on.
 */
export class ChildInstance {
  readonly proc: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly port: Promise<number>;
  output = '';

  constructor(
    env: Record<string, string>,
    service: 'transaction' | 'account' | 'payment' = 'transaction',
  ) {
    const started = new RegExp(`"msg":"${service} service started"[^\\n]*"port":(\\d+)`);
    this.proc = spawn(process.execPath, ['--import', 'tsx', `services/${service}/src/main.ts`], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) =>
      this.proc.once('exit', (code, signal) => resolve({ code, signal })),
    );
    this.port = new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const m = started.exec(this.output);
        if (m) resolve(Number(m[1]));
      };
      this.proc.stdout?.on('data', onData);
      this.proc.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
      void this.exited.then(({ code, signal }) =>
        reject(
          new Error(
            `instance exited (${code ?? signal}) before listening:\n${this.output.slice(-3000)}`,
          ),
        ),
      );
    });
  }

  kill(signal: NodeJS.Signals): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill(signal);
  }
}
