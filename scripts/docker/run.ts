import { spawn, type SpawnOptions } from 'node:child_process';

/** Runs a command; resolves with its stdout, rejects with its last output lines on failure. */
export function run(
  command: string,
  args: readonly string[],
  opts: SpawnOptions & { quiet?: boolean; input?: NodeJS.ReadableStream } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...opts, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (!opts.quiet) process.stderr.write(d);
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      if (!opts.quiet) process.stderr.write(d);
    });
    if (opts.input) opts.input.pipe(child.stdin!);
    else child.stdin?.end();
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve(out);
      const tail = `${out}${err}`.trim().split('\n').slice(-15).join('\n');
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail}`));
    });
  });
}

/** True when the command exits 0 (output discarded). */
export async function succeeds(command: string, args: readonly string[]): Promise<boolean> {
  return run(command, args, { quiet: true }).then(
    () => true,
    () => false,
  );
}
