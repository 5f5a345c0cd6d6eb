import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { fundedUser, uniqueUser } from './support/bank-api';
import { openBrowser, screenshot, UI, type OpenBrowser } from './support/browser';

const balances = async (b: OpenBrowser): Promise<bigint[]> =>
  (
    await b.page
      .locator('[data-testid=account-balance]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-minor') ?? '0'))
  ).map((m) => BigInt(m));

describe('a new user in the bank', () => {
  let b: OpenBrowser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('is credited, opens a second account, pays another user, and sees COMPLETED and the balances move', async () => {
    const friend = await fundedUser('friend');
    const { page } = b;
    onTestFailed(() => screenshot(page, 'bank-failed'));
    const me = uniqueUser('me');
    await page.goto(UI);
    await page.fill('[data-testid=login-name]', me);
    await page.click('[data-testid=login-submit]');
    await expect.poll(() => page.textContent('[data-testid=user-name]')).toBe(me);

    // First account: a gift from the treasury, visible once the ledger has it.
    await page.click('[data-testid=open-submit]');
    await expect
      .poll(async () => (await balances(b))[0] ?? 0n, { timeout: 30_000 })
      .toBeGreaterThan(0n);
    const gift = (await balances(b))[0]!;

    // Second account funded from the first: 5.00 moves, nothing is created.
    await page.fill('[data-testid=open-name]', 'Savings');
    await page.fill('[data-testid=open-amount]', '5.00');
    await page.click('[data-testid=open-submit]');
    await expect
      .poll(async () => (await balances(b)).join(','), { timeout: 30_000 })
      .toBe(`${gift - 500n},500`);

    // Stays logged in across a reload.
    await page.reload();
    await expect.poll(() => page.textContent('[data-testid=user-name]')).toBe(me);
    await expect
      .poll(async () => (await balances(b)).join(','), { timeout: 15_000 })
      .toBe(`${gift - 500n},500`);

    // The form refuses more than the balance shows, before anything is sent.
    await page.click('[data-testid=to-user-mode]');
    await page.fill('[data-testid=to-user-name]', friend.name);
    await page.click('[data-testid=to-user-find]');
    await page.waitForSelector('[data-testid=to-user-account]');
    await page.fill('[data-testid=transfer-amount]', '99999999');
    await page.click('[data-testid=transfer-submit]');
    await expect
      .poll(() => page.textContent('[data-testid=transfer] [role=alert]'))
      .toMatch(/More than/);

    await page.fill('[data-testid=transfer-amount]', '1.23');
    await page.click('[data-testid=transfer-submit]');
    // The payment just made is followed live, with its saga steps shown as they happen.
    const payment = page.locator('[data-testid=payment]', { hasText: '£1.23' });
    await expect
      .poll(() => payment.getAttribute('data-state'), { timeout: 30_000 })
      .toBe('COMPLETED');
    await expect
      .poll(() => payment.locator('[data-testid=timeline] li').count())
      .toBeGreaterThanOrEqual(4);
    await expect
      .poll(async () => (await balances(b)).join(','), { timeout: 15_000 })
      .toBe(`${gift - 500n - 123n},500`);
    await screenshot(page, 'playground');
  });
});
