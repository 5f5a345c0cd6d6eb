import { ConflictError } from '@faultline/errors';
import { LoadRunner, type LoadRunnerOptions } from './load-runner';
import type { LoadSettings } from './settings';
import type { LoadStats } from './stats';

export interface LoadStatus {
  running: boolean;
  runId?: string;
  settings?: LoadSettings;
  digest?: string;
  prefixDigest?: string;
  stats?: LoadStats;
}

/** How long a stopped run keeps following its payments before it lets go. */
const DRAIN_MS = 120_000;

/**
 * At most one load run at a time for the control plane (the API and experiments share it).
 * A run ends by stop() or its duration; then its payments are followed until final.
 */
export class LoadController {
  private current: LoadRunner | undefined;
  private readonly listeners = new Set<(stats: LoadStats) => void>();

  constructor(onStats?: (stats: LoadStats) => void) {
    if (onStats) this.listeners.add(onStats);
  }

  /** Every run's stats, once a second, until the returned function is called. */
  subscribe(listener: (stats: LoadStats) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get runner(): LoadRunner | undefined {
    return this.current;
  }

  start(settings: LoadSettings, options: Omit<LoadRunnerOptions, 'onStats'> = {}): LoadRunner {
    if (this.current?.running)
      throw new ConflictError('a load run is already going: stop it first', {
        code: 'LOAD_RUNNING',
      });
    this.current?.close();
    const runner = new LoadRunner(settings, {
      ...options,
      onStats: (s) => {
        for (const l of this.listeners) l(s);
        // A run that ended by its duration closes itself once its payments are final.
        if (
          s.state === 'draining' &&
          s.pendingPayments === 0 &&
          runner.inFlightOps === 0 &&
          runner === this.current
        )
          runner.close();
      },
    });
    this.current = runner;
    runner.start();
    return runner;
  }

  async stop(): Promise<LoadStatus> {
    const r = this.current;
    if (r !== undefined && r.running) {
      await r.stop();
      // Keep following the payments for a while, in the background, then close the run.
      void r.drain(DRAIN_MS).then(() => r.close());
    }
    return this.status();
  }

  setRate(ratePerSecond: number): LoadStatus {
    const r = this.current;
    if (r === undefined || !r.running)
      throw new ConflictError('no load run is going', { code: 'LOAD_NOT_RUNNING' });
    if (r.settings.mode !== 'open')
      throw new ConflictError(
        'a closed-loop run has no rate: it goes as fast as the bank answers',
        {
          code: 'LOAD_CLOSED_LOOP',
        },
      );
    r.setRate(ratePerSecond);
    return this.status();
  }

  status(): LoadStatus {
    const r = this.current;
    if (r === undefined) return { running: false };
    return {
      running: r.running,
      runId: r.runId,
      settings: r.settings,
      digest: r.digest,
      prefixDigest: r.prefixDigest,
      stats: r.snapshot(),
    };
  }

  close(): void {
    this.current?.close();
  }
}
