/** A route as `METHOD /path`, the form the coverage test compares. */
export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

interface Layer {
  route?: { path: unknown; methods?: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every route an Express 5 app has registered (`app.router.stack`, and routers mounted in
 * it), as routeKey strings. Middleware without a route is not a route.
 */
export function expressRoutes(app: { router?: { stack?: Layer[] } }): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const [m, on] of Object.entries(layer.route.methods ?? {}))
          if (on && m !== '_all') out.push(routeKey(m, layer.route.path));
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(app.router?.stack ?? []);
  return out;
}
