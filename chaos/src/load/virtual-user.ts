import { LoadCallError, type BankClient } from './bank-client';

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

  /** Logs in and opens (or finds) the first account; returns the treasury gift's payment id, if any. */
  async signUp(client: BankClient): Promise<string | undefined> {
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
