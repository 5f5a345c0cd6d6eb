import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { Link } from './link';

let link: Link | undefined;
let echo: net.Server | undefined;
afterEach(async () => {
  await link?.close();
  await new Promise<void>((r) => (echo ? echo.close(() => r()) : r()));
});

/** An echo server on loopback, the link in front of it, and one client that has round-tripped. */
async function connected(): Promise<{ client: net.Socket; closed: Promise<Error | undefined> }> {
  echo = net.createServer((s) => s.pipe(s).on('error', () => undefined));
  await new Promise<void>((r) => echo!.listen(0, '127.0.0.1', () => r()));
  const target = echo.address() as net.AddressInfo;
  link = await Link.open({
    name: 'test -> echo',
    routes: [
      { listen: { host: '127.0.0.1', port: 0 }, target: { host: '127.0.0.1', port: target.port } },
    ],
  });
  const client = net.connect(link.addresses[0]!);
  let error: Error | undefined;
  client.on('error', (e) => (error = e));
  const closed = new Promise<Error | undefined>((r) => client.once('close', () => r(error)));
  await new Promise<void>((r) => client.once('connect', () => r()));
  client.write('ping');
  await new Promise<void>((r) => client.once('data', () => r()));
  return { client, closed };
}

describe('a reset toxic', () => {
  it('with afterMs 0 resets every open connection before add returns: no round trip slips through', async () => {
    const { client, closed } = await connected();
    expect(link!.openConnections).toBe(1);
    link!.add({ kind: 'reset' });
    expect(link!.openConnections).toBe(0);
    let echoed = false;
    client.on('data', () => (echoed = true));
    client.write('after');
    expect((await closed)?.message).toMatch(/ECONNRESET|EPIPE/);
    expect(echoed).toBe(false);
  });

  it('with afterMs waits that long, then resets', async () => {
    const { closed } = await connected();
    link!.add({ kind: 'reset', afterMs: 400 });
    await sleep(150);
    expect(link!.openConnections).toBe(1);
    expect((await closed)?.message).toMatch(/ECONNRESET/);
    expect(link!.openConnections).toBe(0);
  });
});
