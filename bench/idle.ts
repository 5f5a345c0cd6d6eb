import { setTimeout as sleep } from 'node:timers/promises';
import { ProcSampler, type ProcUsage } from './proc-usage';

export interface IdleResult {
  seconds: number;
  /** All the sandbox's processes together, % of one core (the bench itself left out). */
  totalCpuPercent: number;
  processes: ProcUsage[];
}

/**
 * The sandbox with nobody using it: what its timers and polls cost (the services' Redis and
 * Cassandra polls, the control plane's refreshes, the sweeper). Waits `settle` seconds for the
 * previous phase's work to drain first.
 */
export async function idle(o: {
  seconds: number;
  settle: number;
  procs: { name: string; pid: number }[];
}): Promise<IdleResult> {
  await sleep(o.settle * 1000);
  const procs = o.procs.filter((p) => p.pid !== process.pid);
  const sampler = new ProcSampler(procs);
  sampler.start();
  await sleep(o.seconds * 1000);
  const processes = sampler.stop();
  return {
    seconds: o.seconds,
    totalCpuPercent: processes.reduce((s, p) => s + p.cpuPercent, 0),
    processes,
  };
}
