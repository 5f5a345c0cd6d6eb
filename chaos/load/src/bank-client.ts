import {
  ApiError,
  createBankClient,
  type OpenAccountBody,
  type PayBody,
  type Payment,
} from '@faultline/api-contract';

/** Why an operation failed, by a stable code: the bank's own `error.code`, or what the client saw. */
export class LoadCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The HTTP status when the bank answered; undefined when no answer came (timeout, reset). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LoadCallError';
  }
}

/** Where the bank answers: the gateway's /api/account and /api/payment, or the services direct. */
export interface BankUrls {
  account: string;
  payment: string;
}

export function gatewayUrls(baseUrl: string): BankUrls {
  const base = baseUrl.replace(/\/+$/, '');
  return { account: `${base}/account`, payment: `${base}/payment` };
}

/** What a virtual user follows of a payment. */
export type PaymentView = Pick<Payment, 'paymentId' | 'state' | 'updatedAt'>;

/** The few bank calls virtual users make, over the contract's bank client; failures are LoadCallErrors. */
export class BankClient {
  private readonly bank: ReturnType<typeof createBankClient>;

  constructor(urls: BankUrls, timeoutMs: number) {
    this.bank = createBankClient({ serviceUrls: urls, timeoutMs });
  }

  async login(name: string): Promise<string> {
    return (await call(this.bank.login(name))).token;
  }

  async accounts(token: string): Promise<string[]> {
    return (await call(this.bank.accounts(token))).map((a) => a.accountId);
  }

  async openAccount(
    token: string,
    body: OpenAccountBody,
  ): Promise<{ accountId: string; fundingPaymentId: string }> {
    const r = await call(this.bank.openAccount(token, body));
    return { accountId: r.account.accountId, fundingPaymentId: r.fundingPaymentId };
  }

  async pay(token: string, key: string, body: PayBody): Promise<string> {
    return (await call(this.bank.pay(token, key, body))).paymentId;
  }

  async payment(token: string, id: string): Promise<PaymentView> {
    return call(this.bank.payment(token, id));
  }

  /** The user's newest payments (1-100). */
  async recentPayments(token: string, limit: number): Promise<PaymentView[]> {
    return call(this.bank.myPayments(token, limit));
  }
}

async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    // Status 0: no answer at all (timeout, reset): whether it applied is unknown (history 'info').
    if (err instanceof ApiError)
      throw new LoadCallError(err.code, err.message, err.status === 0 ? undefined : err.status);
    throw err;
  }
}
