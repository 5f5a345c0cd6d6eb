import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who answers a route: a bank service (reached through the gateway) or the control plane. */
export type RouteOwner = 'account' | 'payment' | 'transaction' | 'chaos';

/**
 * One HTTP route as the server registers it and a client calls it. `path` is Express-style
 * (`/accounts/:id`) and relative to the owner: a bank service's own path, which the gateway
 * serves under `/api/<service>`; the control plane's paths are absolute (`/api/chaos/...`).
 * A part that is absent takes nothing: the server refuses any query key (or body) it gets.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  H extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  owner: RouteOwner;
  method: HttpMethod;
  path: string;
  summary: string;
  /** `session`: needs `Authorization: Bearer <token>` from POST /users/login. */
  auth: 'session' | 'none';
  /** True when a valid call changes state (the fuzz test only sends it refusable inputs). */
  mutates: boolean;
  params: P;
  query: Q;
  body: B;
  /** Headers the route reads (lower-case names), beyond authorization. */
  headers: H;
  /** The 2xx answer. */
  response: R;
}

/** No path parameters / no query keys. */
export const none = z.object({}).strict();
/** A route that takes no body: absent, or `{}`. */
export const noBody = z.object({}).strict().optional();

type Parts<P, Q, B, H, R> = Omit<
  RouteSpec,
  'params' | 'query' | 'body' | 'headers' | 'response'
> & { params?: P; query?: Q; body?: B; headers?: H; response: R };

/** A RouteSpec with the parts it does not name filled in as "takes nothing". */
export function route<
  P extends z.ZodType = typeof none,
  Q extends z.ZodType = typeof none,
  B extends z.ZodType = typeof noBody,
  H extends z.ZodType = z.ZodObject,
  R extends z.ZodType = z.ZodType,
>(spec: Parts<P, Q, B, H, R>): RouteSpec<P, Q, B, H, R> {
  return {
    ...spec,
    params: spec.params ?? (none as unknown as P),
    query: spec.query ?? (none as unknown as Q),
    body: spec.body ?? (noBody as unknown as B),
    headers: spec.headers ?? (z.object({}) as unknown as H),
  };
}

/** The server's refusal: `{error:{code,message,details?}}` with a 4xx or 5xx status. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** A path with its `:name` parameters filled in, each URI-encoded. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`path ${path}: parameter ${name} missing`);
    return encodeURIComponent(String(v));
  });
}
