import { reportApi } from '../live/health';

/** A refusal from the server ({error:{code,message}}) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

function errorOf(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e = (body as { error: { code?: unknown; message?: unknown } }).error;
    return new ApiError(status, String(e.code ?? 'ERROR'), String(e.message ?? `HTTP ${status}`));
  }
  return new ApiError(status, `HTTP_${status}`, `the server answered ${status}`);
}

/**
 * JSON over fetch. Every answer also feeds the connection banner: a network failure or a 502/
 * 503/504 means a service (or the control plane) is down, anything else that it answers.
 */
export async function request<T>(path: string, o: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  // The audit log names who acted: the bank user last logged in on this browser, else the UI.
  if (path.startsWith('/api/chaos'))
    headers['x-faultline-actor'] = localStorage.getItem('faultline.name') ?? 'web-ui';
  let res: Response;
  try {
    res = await fetch(path, {
      method: o.method ?? 'GET',
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
    });
  } catch (err) {
    reportApi(path, false);
    const timeout = err instanceof DOMException && err.name === 'TimeoutError';
    throw new ApiError(
      0,
      timeout ? 'TIMEOUT' : 'NETWORK',
      timeout ? 'no answer in time' : 'cannot reach the server',
    );
  }
  reportApi(path, ![502, 503, 504].includes(res.status));
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) throw errorOf(res.status, body);
  return body as T;
}

export const messageOf = (err: unknown): string =>
  err instanceof ApiError
    ? `${err.message} (${err.code})`
    : err instanceof Error
      ? err.message
      : String(err);
