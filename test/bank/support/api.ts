/** A tiny HTTP client for the bank's JSON APIs: status and parsed body, nothing hidden. */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON and oversized bodies). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface Api {
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    o?: CallOptions,
  ): Promise<Reply<T>>;
  url: string;
}

export function createApi(url: string): Api {
  return {
    url,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: string | undefined;
      if (o.raw !== undefined || o.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = o.raw ?? JSON.stringify(o.body);
      } else if (method !== 'GET' && method !== 'HEAD') {
        // The control plane refuses a state-changing request that is not JSON, even bodiless.
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed as never };
    },
  };
}
