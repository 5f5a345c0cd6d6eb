import net from 'node:net';

/** What came back on the wire: an HTTP answer, or how the connection ended without one. */
export type RawReply =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string; json: unknown }
  | { kind: 'reset' | 'closed' | 'timeout'; detail: string };

export interface RawRequest {
  method: string;
  path: string;
  /** Sent exactly as given, in this order (a Host header is not added for you). */
  headers: [string, string][];
  body?: Buffer | string;
  timeoutMs?: number;
}

/** A chunked body, once its last chunk has arrived. */
function unchunk(raw: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    if (raw.length < eol + 2 + size + 2) return undefined;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** The answer in `raw`, once complete (`ended`: the server closed, so the body is all there). */
function parse(raw: Buffer, ended: boolean): RawReply | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const rest = raw.subarray(end + 4);
  let bytes: Buffer | undefined;
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') bytes = unchunk(rest);
  else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    bytes = rest.length >= length ? rest.subarray(0, length) : undefined;
  } else if (ended) bytes = rest;
  if (bytes === undefined) return undefined;
  const body = bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { kind: 'answer', status, headers, body, json };
}

/**
 * One HTTP/1.1 request over a bare TCP socket, so a test controls every byte (Host, Origin,
 * Content-Encoding, a body far over a limit) and sees what a client would: an answer, a reset,
 * a close without an answer, or nothing within the timeout.
 */
export function rawRequest(port: number, r: RawRequest): Promise<RawReply> {
  return new Promise((resolve) => {
    const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body);
    const head = [`${r.method} ${r.path} HTTP/1.1`, ...r.headers.map(([k, v]) => `${k}: ${v}`)];
    if (!r.headers.some(([k]) => k.toLowerCase() === 'content-length'))
      head.push(`Content-Length: ${body.length}`);
    head.push('Connection: close', '', '');
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (reply: RawReply) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(reply);
    };
    const timer = setTimeout(
      () => finish({ kind: 'timeout', detail: `no answer in ${r.timeoutMs ?? 10_000} ms` }),
      r.timeoutMs ?? 10_000,
    );
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const reply = parse(Buffer.concat(chunks), false);
      if (reply) finish(reply);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const reply = parse(Buffer.concat(chunks), true);
      finish(reply ?? { kind: 'reset', detail: err.code ?? err.message });
    });
    socket.on('close', () => {
      const reply = parse(Buffer.concat(chunks), true);
      finish(
        reply ?? { kind: 'closed', detail: `closed after ${Buffer.concat(chunks).length} bytes` },
      );
    });
    socket.write(head.join('\r\n'));
    // Errors while writing (EPIPE after a server reset) surface through 'error' above.
    socket.write(body);
  });
}

/** The status and error code of an answer, or how the connection ended: easy to compare. */
export function outcome(reply: RawReply): { status: number | string; code?: unknown } {
  if (reply.kind !== 'answer') return { status: reply.kind };
  const code = (reply.json as { error?: { code?: unknown } } | undefined)?.error?.code;
  return code === undefined ? { status: reply.status } : { status: reply.status, code };
}
