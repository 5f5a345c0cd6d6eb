import { z } from 'zod';

export const instanceSchema = z.object({
  id: z.string().min(1),
  service: z.string().min(1),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  pid: z.number().int().positive(),
  startedAt: z.string(),
  version: z.string(),
});
export type InstanceInfo = z.infer<typeof instanceSchema>;

export interface InstanceRecord extends InstanceInfo {
  /** When the last heartbeat was written (ms since epoch). */
  heartbeatAt: number;
}

export function registryKeys(prefix: string): { set: string; instance: (id: string) => string } {
  return { set: `${prefix}instances`, instance: (id) => `${prefix}instance:${id}` };
}
