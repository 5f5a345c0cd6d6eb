import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openBrowser, screenshot, UI, type OpenBrowser } from './support/browser';

const CHAOS = 'http://127.0.0.1:4000/api/chaos';
const clockFaults = async () => {
  const r = (await (await fetch(`${CHAOS}/faults`)).json()) as {
    faults: { id: string; kind: string; instance?: string; seconds?: number }[];
  };
  return r.faults.filter((f) => f.kind === 'clock');
};

describe('clock skew from the faults panel', () => {
  let b: OpenBrowser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    for (const f of await clockFaults())
      await fetch(`${CHAOS}/faults/${f.id}`, {
        method: 'DELETE',
        headers: { 'x-faultline-actor': 'e2e' },
      });
    await b?.close();
  });

  it('refuses a skew of 0 s, sets +30 s on payment-1, lists it live and clears it', async () => {
    const { page } = b;
    onTestFailed(() => screenshot(page, 'clock-skew-failed'));
    await page.goto(`${UI}/#/admin`);
    await page.locator('[data-testid=tab-faults]').click();
    const form = page.locator('[data-testid=clock-skew-form]');
    // The instances come from the topology.
    await expect
      .poll(() => form.locator('option[value=payment-1]').count(), { timeout: 15_000 })
      .toBe(1);
    await form.locator('[data-testid=clock-target]').selectOption('payment-1');
    await form.locator('[data-testid=clock-mode]').selectOption('bump');
    const seconds = form.locator('input[type=number]').first();
    // 0 passes the input's own bounds (±3600, which the browser enforces); the server refuses it.
    await seconds.fill('0');
    await form.locator('[data-testid=clock-submit]').click();
    // The server's 400 names the field; nothing was set.
    await expect
      .poll(() => form.textContent(), { timeout: 5000 })
      .toContain('seconds: must not be 0');
    expect(await clockFaults()).toHaveLength(0);
    await screenshot(page, 'clock-skew-refused');

    await seconds.fill('30');
    await form.locator('[data-testid=clock-submit]').click();
    const active = page.locator('[data-testid=active-faults]');
    await expect
      .poll(() => active.textContent(), { timeout: 5000 })
      .toContain('payment-1 clock +30 s');
    expect(await clockFaults()).toMatchObject([{ instance: 'payment-1', seconds: 30 }]);
    await screenshot(page, 'clock-skew-set');

    await active.locator('li', { hasText: 'payment-1 clock' }).locator('button').click();
    await expect
      .poll(() => active.textContent(), { timeout: 5000 })
      .not.toContain('payment-1 clock');
    expect(await clockFaults()).toHaveLength(0);
  });
});
