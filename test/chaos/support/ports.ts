import net from 'node:net';

/** Ports a sandbox's instances use above its base: three services, up to six instances each. */
const SPAN = 60;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port base whose whole instance range is free now, picked at random (well away from the
 * sandbox's 4000s and the infrastructure's 2xxxx ports) so parallel test files do not meet.
 */
export async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 31_000 + 100 * Math.floor(Math.random() * 200);
    const ports = Array.from({ length: SPAN }, (_, i) => base + i);
    const free = await Promise.all(ports.map(isFree));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free range of ports for a sandbox');
}
