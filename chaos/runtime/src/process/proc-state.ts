import { parseProcStat } from '@faultline/infra';
import fs from 'node:fs';

/** 'paused' when the kernel reports the process stopped (SIGSTOP), 'gone' when it is not there. */
export function osProcessState(pid: number): 'running' | 'paused' | 'gone' {
  try {
    const info = parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    if (!info || info.state === 'Z' || info.state === 'X') return 'gone';
    return info.state === 'T' ? 'paused' : 'running';
  } catch {
    return 'gone';
  }
}
