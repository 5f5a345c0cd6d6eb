import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { fundedUser, pay, paymentState } from './support/bank-api';
import { openBrowser, screenshot, UI, type OpenBrowser } from './support/browser';

const NODE = 'transaction-1';

describe('the admin kills a transaction instance', () => {
  let b: OpenBrowser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('shows it down within 2 s, up again after start, and a transfer made meanwhile completes', async () => {
    const alice = await fundedUser('alice');
    const bob = await fundedUser('bob');
    const { page } = b;
    onTestFailed(() => screenshot(page, 'admin-kill-failed'));
    await page.goto(`${UI}/#/admin`);
    const row = page.locator(`[data-testid=node][data-node=${NODE}]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('up');
    await screenshot(page, 'admin-overview');

    const killedAt = Date.now();
    await row.locator('[data-testid=node-kill]').click();
    await expect
      .poll(() => row.getAttribute('data-state'), { timeout: 2000, interval: 50 })
      .toBe('down');
    const downAfterMs = Date.now() - killedAt;
    console.log(`${NODE} shown down ${downAfterMs} ms after the click`);
    await screenshot(page, 'admin-node-down');

    // The ledger's only writer is gone: the payment waits in Kafka, it is not lost.
    const paymentId = await pay(alice.token, alice.account, bob.account, '2.50');

    await row.locator('[data-testid=node-start]').click();
    await expect
      .poll(() => row.getAttribute('data-state'), { timeout: 60_000, interval: 200 })
      .toBe('up');
    await expect
      .poll(() => paymentState(alice.token, paymentId), { timeout: 60_000, interval: 500 })
      .toBe('COMPLETED');
  });
});
