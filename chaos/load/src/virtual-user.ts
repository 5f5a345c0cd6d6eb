import { LoadCallError, type BankClient } from './bank-client';

/** Answers that say "not now" rather than "never" (bank error codes, gateway, network). */
const TRANSIENT = new Set([
  'TIMEOUT',
  'UNAVAILABLE',
  'PAYMENT_SERVICE_UNAVAILABLE',
  'BAD_GATEWAY',
  'GATEWAY_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'HTTP_502',
  'HTTP_503',
  'HTTP_504',
]);

/**
 * A virtual user: a name, a session once logged in, and its accounts by plan slot. A slot whose
 * account is not open (yet, or its opening failed) falls back to the user's first open account,
 * so the planned sequence never waits on the bank's answers.
 */
export class VirtualUser {
  private token: string | undefined;
  private readonly slots: (string | undefined)[] = [];
  /** Settles when the sign-up operation has finished, whatever its outcome. */
  ready: Promise<void> = Promise.resolve();

  constructor(
    readonly index: number,
    readonly name: string,
  ) {}

  session(): string {
    if (this.token === undefined)
      throw new LoadCallError('NOT_SIGNED_UP', `${this.name} has no session`);
    return this.token;
  }

  /**
   * Logs in and opens (or finds) the first account; returns the treasury gift's payment id, if
   * any. A transient failure (timeout, a dependency unavailable) is tried again, up to
   * `attempts` times with a growing pause: a user whose sign-up failed has no account for the
   * rest of the run, so one slow second at the start (a cold bank, a loaded machine) would
   * otherwise turn every later operation of that user into NO_ACCOUNT. Retrying inside the one
   * operation keeps the planned sequence unchanged; an opening that timed out but happened
   * comes back as FROM_REQUIRED and is adopted below.
   */
  async signUp(client: BankClient, attempts = 5, pauseMs = 1000): Promise<string | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.signUpOnce(client);
      } catch (err) {
        const transient = err instanceof LoadCallError && TRANSIENT.has(err.code);
        if (!transient || attempt >= attempts) throw err;
        await new Promise((r) => setTimeout(r, pauseMs * attempt));
      }
    }
  }

  private async signUpOnce(client: BankClient): Promise<string | undefined> {
    this.token = await client.login(this.name);
    try {
      const opened = await client.openAccount(this.token, { name: 'main' });
      this.slots[0] = opened.accountId;
      return opened.fundingPaymentId;
    } catch (err) {
      // FROM_REQUIRED: this user already has its first account (a reused prefix): adopt them.
      if (!(err instanceof LoadCallError) || err.code !== 'FROM_REQUIRED') throw err;
      (await client.accounts(this.token)).forEach((id, slot) => (this.slots[slot] = id));
      return undefined;
    }
  }

  setSlot(slot: number, accountId: string): void {
    this.slots[slot] = accountId;
  }

  /** The account of a plan slot, else the first open one other than `avoid`, else any open one. */
  account(slot: number, avoid?: string): string {
    const id =
      this.slots[slot] ??
      this.slots.find((a) => a !== undefined && a !== avoid) ??
      this.slots.find((a) => a !== undefined);
    if (id === undefined) throw new LoadCallError('NO_ACCOUNT', `${this.name} has no open account`);
    return id;
  }
}
