import type http from 'node:http';

/** The web UI's dev server (Vite, frontend/vite.config.ts): its pages may call the control plane. */
export const UI_PORT = 5173;

export interface GuardOptions {
  /** Host names beyond loopback this control plane answers to (a deliberate non-loopback bind). */
  allowedHosts: readonly string[];
  /** The port the control plane listens on (known once it listens): its own pages' origin. */
  ownPort(): number;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;
/** The live feed's long-polling transport posts text/plain: Host and Origin guard it. */
const FEED_PATH = /^\/socket\.io(\/|\?|$)/;

/** localhost, 127.0.0.0/8 and ::1: names a DNS-rebinding page cannot make its own. */
export function isLoopbackName(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'localhost' || n === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(n);
}

/** The host name of a Host header or an origin's authority: `[::1]:4000` -> `::1`. */
function hostName(authority: string): string {
  const bracketed = /^\[([^\]]+)\](:\d+)?$/.exec(authority);
  if (bracketed) return bracketed[1] ?? '';
  return authority.replace(/:\d+$/, '');
}

function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Cross-site and DNS-rebinding safety for everything on the control plane's port (chaos API,
 * gateway, live feed). The control plane can kill every process of the sandbox, and any page
 * the learner visits can send requests to 127.0.0.1:
 * - Host must be a loopback name (or a configured one): a rebinding page's requests carry its
 *   own name, so they are refused even though they reach 127.0.0.1;
 * - an Origin, when sent, must be the web UI's or the control plane's own: a browser always
 *   sends it on a cross-site fetch, a WebSocket and a form post;
 * - a state-changing request must say Content-Type: application/json (or carry the
 *   x-faultline-actor header the UI and the CLIs send), even with no body: neither can be sent
 *   cross-site without a CORS preflight, which the control plane never approves.
 * CLIs (no Origin, a loopback Host, JSON) and the UI through the Vite proxy pass unchanged.
 */
export function createRequestGuard(options: GuardOptions) {
  const extra = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
  const hostAllowed = (name: string) => isLoopbackName(name) || extra.has(name.toLowerCase());

  return function check(req: http.IncomingMessage): Refusal | undefined {
    const host = req.headers.host ?? '';
    if (!hostAllowed(hostName(host))) {
      return {
        status: 403,
        code: 'HOST_NOT_ALLOWED',
        message: `Host "${host.slice(0, 100)}" is not this machine: the control plane answers loopback names only (FAULTLINE_ALLOWED_HOSTS adds others)`,
      };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin)) {
      return {
        status: 403,
        code: 'ORIGIN_NOT_ALLOWED',
        message: `requests from the page at ${origin.slice(0, 100)} are refused: only the web UI (http://localhost:${UI_PORT}) and the control plane itself may call it`,
      };
    }
    const method = req.method ?? 'GET';
    if (!SAFE_METHODS.has(method) && !FEED_PATH.test(req.url ?? '')) {
      const type = req.headers['content-type'] ?? '';
      if (!JSON_TYPE.test(type) && req.headers['x-faultline-actor'] === undefined) {
        return {
          status: 415,
          code: 'JSON_REQUIRED',
          message: `${method} needs Content-Type: application/json (or the x-faultline-actor header), even with no body`,
        };
      }
    }
    return undefined;
  };

  function originAllowed(origin: string): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // "null" (a sandboxed frame, a file:// page) and garbage
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    if (!hostAllowed(hostName(url.host))) return false;
    const port = portOf(url);
    return port === UI_PORT || port === options.ownPort();
  }
}

export type RequestGuard = ReturnType<typeof createRequestGuard>;
