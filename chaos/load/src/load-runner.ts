import { createHash, randomBytes, type Hash } from 'node:crypto';
import { BankClient, gatewayUrls, LoadCallError, type BankUrls } from './bank-client';
import { PaymentTracker } from './payment-tracker';
import { OpPlan, type PlannedOp } from './plan';
import type { LoadSettings } from './settings';
import { StatsRecorder, type LoadStats } from './stats';
import { VirtualUser } from './virtual-user';

export interface LoadRunnerOptions {
  /** Talk to the services directly instead of through the gateway (tests). */
  urls?: BankUrls;
  /** Called once a second with the stats of the second just ended. */
  onStats?(stats: LoadStats): void;
  /** Keep at most this many operations in `ops` (the digest covers them all). */
  recordLimit?: number;
}

const OPEN_LOOP_TICK_MS = 50;
const GIFT_WAIT_MS = 60_000;
/** The digest of the first this-many operations: comparable between two runs of one seed. */
const PREFIX_OPS = 200;

/**
 * One load run: virtual users carrying out the planned operation sequence, open loop (a
 * target rate) or closed loop (N workers, each as fast as the bank answers), and the
 * payments they start followed until final.
 */
export class LoadRunner {
  readonly runId = randomBytes(4).toString('hex');
  /** The operations issued so far, in plan order (up to recordLimit). */
  readonly ops: PlannedOp[] = [];
  private readonly digestHash: Hash = createHash('sha256');
  private issued = 0;
  private prefix: string | undefined;
  private readonly plan: OpPlan;
  private readonly client: BankClient;
  private readonly tracker: PaymentTracker;
  private readonly stats = new StatsRecorder();
  private readonly users: VirtualUser[];
  private readonly inFlight = new Set<Promise<void>>();
  private state: LoadStats['state'] = 'stopped';
  private rate: number;
  private startedAt = 0;
  private timers: NodeJS.Timeout[] = [];
  private workers: Promise<void>[] = [];
  private latest: LoadStats | undefined;
  private stopping: Promise<void> | undefined;

  constructor(
    readonly settings: LoadSettings,
    private readonly options: LoadRunnerOptions = {},
  ) {
    this.plan = new OpPlan(settings);
    this.rate = settings.ratePerSecond;
    this.client = new BankClient(
      options.urls ?? gatewayUrls(settings.baseUrl),
      settings.requestTimeoutMs,
    );
    this.tracker = new PaymentTracker(
      this.client,
      (state, ms) => this.stats.finalized(state, ms),
      (code) => this.stats.failed(`LOST_TRACK_${code}`),
    );
    const prefix = settings.userPrefix ?? `load-${settings.seed}-${this.runId}`;
    this.users = Array.from(
      { length: settings.users },
      (_, i) => new VirtualUser(i, `${prefix}-u${i}`),
    );
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** sha256 over the JSON of every operation issued: equal digests, equal sequences. */
  get digest(): string {
    return this.digestHash.copy().digest('hex');
  }

  /**
   * sha256 of the first 200 operations (undefined before that many were issued). Open-loop
   * runs of one seed may end a few operations apart; their first 200 are the same.
   */
  get prefixDigest(): string | undefined {
    return this.prefix;
  }

  get opsIssued(): number {
    return this.issued;
  }

  start(): void {
    if (this.state !== 'stopped' || this.startedAt !== 0) throw new Error('a runner starts once');
    this.state = 'running';
    this.startedAt = Date.now();
    this.tracker.start();
    this.timers.push(setInterval(() => this.publish(), 1000));
    if (this.settings.mode === 'open') this.openLoop();
    else
      this.workers = Array.from({ length: this.settings.workers }, () => this.closedLoopWorker());
    const d = this.settings.durationSeconds;
    if (d !== undefined) this.timers.push(setTimeout(() => void this.stop(), d * 1000));
  }

  setRate(ratePerSecond: number): void {
    this.rate = ratePerSecond;
  }

  /** Stops issuing operations and waits for the ones in flight; payments are still followed. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    // Every caller (the duration timer, the API, drain) waits for the same in-flight work.
    this.stopping ??= (async () => {
      this.state = 'draining';
      await Promise.all(this.workers);
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    })();
    return this.stopping;
  }

  /** Waits until every accepted payment is final (true) or timeoutMs passes (false). */
  async drain(timeoutMs: number): Promise<boolean> {
    await this.stop();
    return this.tracker.drained(timeoutMs);
  }

  /** Ends the run: timers and polling stop; the last stats are published. */
  close(): void {
    this.state = 'stopped';
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.tracker.stop();
    this.publish();
  }

  /** Operations started and not finished (an open waits for its funding to land). */
  get inFlightOps(): number {
    return this.inFlight.size;
  }

  pendingPayments(): number {
    return this.tracker.size;
  }

  snapshot(): LoadStats {
    return this.latest ?? this.view(this.stats.roll());
  }

  private view(intervals: Pick<LoadStats, 'lastSecond' | 'totals'>): LoadStats {
    return {
      at: new Date().toISOString(),
      elapsedSeconds: this.startedAt === 0 ? 0 : Math.round((Date.now() - this.startedAt) / 1000),
      state: this.state,
      mode: this.settings.mode,
      ratePerSecond: this.rate,
      workers: this.settings.workers,
      seed: this.settings.seed,
      opsPlanned: this.issued,
      pendingPayments: this.tracker.size,
      ...intervals,
    };
  }

  private publish(): void {
    this.latest = this.view(this.stats.roll());
    this.options.onStats?.(this.latest);
  }

  private openLoop(): void {
    let due = 0;
    let last = Date.now();
    this.timers.push(
      setInterval(() => {
        if (this.state !== 'running') return;
        const now = Date.now();
        due += ((now - last) / 1000) * this.rate;
        last = now;
        for (; due >= 1; due--) {
          const op = this.take();
          // Open loop never waits for answers; past maxInFlight the client itself is the
          // bottleneck, so the op is counted as refused rather than queued without bound.
          if (this.inFlight.size >= this.settings.maxInFlight) {
            this.stats.attempted();
            this.stats.failed('CLIENT_SATURATED');
            continue;
          }
          const p = this.run(op).finally(() => this.inFlight.delete(p));
          this.inFlight.add(p);
        }
      }, OPEN_LOOP_TICK_MS),
    );
  }

  private async closedLoopWorker(): Promise<void> {
    const max = this.settings.maxPendingPayments;
    while (this.state === 'running') {
      if (max !== undefined && this.tracker.size >= max) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      await this.run(this.take());
    }
  }

  private take(): PlannedOp {
    const op = this.plan.next();
    this.issued++;
    this.digestHash.update(`${JSON.stringify(op)}\n`);
    if (this.issued === PREFIX_OPS) this.prefix = this.digest;
    if (this.ops.length < (this.options.recordLimit ?? 100_000)) this.ops.push(op);
    return op;
  }

  private async run(op: PlannedOp): Promise<void> {
    this.stats.attempted();
    try {
      await this.execute(op);
      this.stats.completed();
    } catch (err) {
      this.stats.failed(err instanceof LoadCallError ? err.code : 'CLIENT_ERROR');
    }
  }

  private async execute(op: PlannedOp): Promise<void> {
    if (op.kind === 'signup') {
      const u = this.users[op.user]!;
      const done = (async () => {
        const sentAt = Date.now();
        const gift = await u.signUp(this.client);
        // The user pays nobody before the treasury's gift has landed: a bank customer with an
        // empty account is not load, it is a stream of INSUFFICIENT_FUNDS rejections.
        if (gift !== undefined)
          await this.tracker.until(gift, u.index, u.session(), sentAt, GIFT_WAIT_MS);
      })();
      u.ready = done.catch(() => undefined);
      return done;
    }
    if (op.kind === 'open') {
      const u = this.users[op.user]!;
      await u.ready;
      const sentAt = Date.now();
      const opened = await this.client.openAccount(u.session(), {
        name: `acc-${op.slot}`,
        from: u.account(op.fromSlot),
        amount: op.amountMinor,
      });
      // The new account is used only once its funding has landed: an account that exists but
      // is still empty would turn the next transfers from it into INSUFFICIENT_FUNDS.
      const funded = await this.tracker.until(
        opened.fundingPaymentId,
        u.index,
        u.session(),
        sentAt,
        GIFT_WAIT_MS,
      );
      if (funded === 'COMPLETED') u.setSlot(op.slot, opened.accountId);
      return;
    }
    const from = this.users[op.fromUser]!;
    const to = this.users[op.toUser]!;
    await Promise.all([from.ready, to.ready]);
    const token = from.session();
    const source = from.account(op.fromSlot);
    const body = { from: source, to: to.account(op.toSlot, source), amount: op.amountMinor };
    if (body.from === body.to)
      throw new LoadCallError('SKIPPED_SAME_ACCOUNT', 'the planned accounts are not open yet');
    const sentAt = Date.now();
    // One key per planned operation: a client retry of this op could never pay twice.
    const id = await this.client.pay(token, `${this.runId}-${op.i}`, body);
    this.tracker.track(id, from.index, token, sentAt);
  }
}
