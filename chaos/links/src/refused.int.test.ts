import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Link } from './link';

let link: Link | undefined;
afterEach(async () => link?.close());

/** A port nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('a link to a dependency that refuses', () => {
  it('closes the client and remembers, by the client port, that it was refused', async () => {
    link = await Link.open({
      name: 'gateway -> payment-9',
      routes: [
        {
          listen: { host: '127.0.0.1', port: 0 },
          target: { host: '127.0.0.1', port: await deadPort() },
        },
      ],
    });
    const failures: string[] = [];
    link.on('failure', (e) => failures.push(e.message));
    const { host, port } = link.addresses[0]!;
    const client = net.connect({ host, port });
    const localPort = await new Promise<number>((r) =>
      client.once('connect', () => r(client.localPort!)),
    );
    await new Promise<void>((r) => client.once('close', () => r()));
    expect(link.wasRefused(localPort)).toBe(true);
    expect(link.wasRefused(localPort + 1)).toBe(false);
    expect(failures.join()).toMatch(/ECONNREFUSED/);
  });
});
