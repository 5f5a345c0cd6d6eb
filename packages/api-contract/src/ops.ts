import { z } from 'zod';
import { route, type RouteOwner } from './route';

/**
 * The probes every Faultline HTTP app answers (the bank services and the control plane):
 * liveness, readiness (503 while a dependency is down) and Prometheus metrics (text).
 */
export function opsRoutes(owner: RouteOwner) {
  return {
    health: route({
      owner,
      method: 'GET',
      path: '/health',
      summary: 'liveness',
      auth: 'none',
      mutates: false,
      response: z.object({ status: z.literal('ok'), service: z.string(), instance: z.string() }),
    }),
    ready: route({
      owner,
      method: 'GET',
      path: '/ready',
      summary: 'readiness: every dependency answered (503 with the failing ones otherwise)',
      auth: 'none',
      mutates: false,
      response: z.object({ status: z.literal('ready'), checks: z.record(z.string(), z.string()) }),
    }),
    metrics: route({
      owner,
      method: 'GET',
      path: '/metrics',
      summary: 'Prometheus metrics (text exposition format)',
      auth: 'none',
      mutates: false,
      response: z.string(),
    }),
  };
}
