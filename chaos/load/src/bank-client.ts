/** Why an operation failed, by a stable code: the bank's own `error.code`, or what the client saw. */
export class LoadCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LoadCallError';
  }
}

export interface BankUrls {
  account: string;
  payment: string;
}

export function gatewayUrls(baseUrl: string): BankUrls {
  const base = baseUrl.replace(/\/+$/, '');
  return { account: `${base}/account`, payment: `${base}/payment` };
}

export interface PaymentView {
  paymentId: string;
  state: string;
  updatedAt: string;
}

/** The few bank calls virtual users make; every non-2xx answer becomes a LoadCallError. */
export class BankClient {
  constructor(
    private readonly urls: BankUrls,
    private readonly timeoutMs: number,
  ) {}

  async login(name: string): Promise<string> {
    const r = await this.call<{ token: string }>('POST', `${this.urls.account}/users/login`, {
      body: { name },
    });
    return r.token;
  }

  async accounts(token: string): Promise<string[]> {
    const r = await this.call<{ accounts: { accountId: string }[] }>(
      'GET',
      `${this.urls.account}/accounts`,
      { token },
    );
    return r.accounts.map((a) => a.accountId);
  }

  async openAccount(
    token: string,
    body: { name: string; from?: string; amount?: number },
  ): Promise<{ accountId: string; fundingPaymentId: string }> {
    const r = await this.call<{ account: { accountId: string }; fundingPaymentId: string }>(
      'POST',
      `${this.urls.account}/accounts`,
      { token, body },
    );
    return { accountId: r.account.accountId, fundingPaymentId: r.fundingPaymentId };
  }

  async pay(
    token: string,
    key: string,
    body: { from: string; to: string; amount: number },
  ): Promise<string> {
    const r = await this.call<{ paymentId: string }>('POST', `${this.urls.payment}/payments`, {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    return r.paymentId;
  }

  async payment(token: string, id: string): Promise<PaymentView> {
    return this.call<PaymentView>('GET', `${this.urls.payment}/payments/${id}`, { token });
  }

  /** The user's newest payments (1-100). */
  async recentPayments(token: string, limit: number): Promise<PaymentView[]> {
    const r = await this.call<{ payments: PaymentView[] }>(
      'GET',
      `${this.urls.payment}/payments?mine&limit=${limit}`,
      { token },
    );
    return r.payments;
  }

  private async call<T>(
    method: string,
    url: string,
    o: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<T> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new LoadCallError(networkCode(err), `${method} ${url}: ${String(err)}`);
    }
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
      throw new LoadCallError(
        typeof code === 'string' ? code : `HTTP_${res.status}`,
        `${method} ${url}: ${res.status} ${text.slice(0, 200)}`,
      );
    }
    if (body === undefined)
      throw new LoadCallError('BAD_RESPONSE', `${method} ${url}: not JSON: ${text.slice(0, 200)}`);
    return body as T;
  }
}

function networkCode(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return 'TIMEOUT';
  const cause = (err as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : 'NETWORK';
}
