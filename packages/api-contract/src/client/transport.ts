import type { z } from 'zod';
import { fillPath, type RouteOwner, type RouteSpec } from '../route';
import { externalPath } from '../routes';
import { ApiError, errorFromBody, networkError } from './api-error';

export interface TransportOptions {
  /** Origin (and optional prefix) the routes' external paths are appended to; '' = same origin. */
  baseUrl?: string;
  /**
   * A service's own base URL (e.g. `{ account: 'http://127.0.0.1:4001' }`): its routes go
   * there, by their own paths, instead of through the gateway at `baseUrl`.
   */
  serviceUrls?: Partial<Record<RouteOwner, string>>;
  /** Per request, unless a call says otherwise. Default 10 s. */
  timeoutMs?: number;
  /** Sent with every request (an actor name, an admin token ...); read at each call. */
  headers?: () => Record<string, string>;
  /** Told of every answer: false for no answer or a 502/503/504 (the connection banner). */
  onAnswer?: (path: string, reachable: boolean) => void;
  fetch?: typeof fetch;
}

/** What one call sends, beyond what the route fixes. */
export interface CallInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  token?: string | null;
  timeoutMs?: number;
}

export type Answer<S extends RouteSpec> = z.output<S['response']>;

function queryString(q: CallInput['query']): string {
  if (!q) return '';
  // `?mine` is a flag: a key with an empty value is written bare.
  const parts = Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) =>
      v === true || v === ''
        ? encodeURIComponent(k)
        : `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
    );
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * JSON over fetch for one route of the contract. The answer is typed by the route's response
 * schema (not re-validated: the contract's tests check the servers answer what it says).
 */
export type Transport = <S extends RouteSpec>(spec: S, input?: CallInput) => Promise<Answer<S>>;

export function createTransport(o: TransportOptions = {}): Transport {
  const base = (o.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = o.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  return async (spec, input = {}) => {
    const direct = o.serviceUrls?.[spec.owner]?.replace(/\/+$/, '');
    const path =
      fillPath(direct === undefined ? externalPath(spec) : spec.path, input.params) +
      queryString(input.query);
    const what = `${spec.method} ${path}`;
    const headers: Record<string, string> = { ...o.headers?.(), ...input.headers };
    // Always JSON, even with no body: a state-changing request the server can tell from a
    // cross-site form post.
    headers['content-type'] = 'application/json';
    if (input.token) headers.authorization = `Bearer ${input.token}`;
    let res: Response;
    try {
      res = await doFetch(`${direct ?? base}${path}`, {
        method: spec.method,
        headers,
        body: input.body === undefined ? undefined : JSON.stringify(input.body),
        signal: AbortSignal.timeout(input.timeoutMs ?? o.timeoutMs ?? 10_000),
      });
    } catch (err) {
      o.onAnswer?.(path, false);
      throw networkError(err, what);
    }
    o.onAnswer?.(path, ![502, 503, 504].includes(res.status));
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw networkError(err, what);
    }
    const json = (res.headers.get('content-type') ?? '').includes('json');
    let body: unknown = text;
    if (json || !res.ok) {
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        if (res.ok)
          throw new ApiError(
            res.status,
            'BAD_RESPONSE',
            `${what}: not JSON: ${text.slice(0, 200)}`,
          );
        body = null;
      }
    }
    if (!res.ok) throw errorFromBody(res.status, body);
    return body as Answer<typeof spec>;
  };
}
