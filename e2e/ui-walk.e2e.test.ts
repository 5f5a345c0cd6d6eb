import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { uniqueUser } from './support/bank-api';
import { openBrowser, screenshot, UI, type OpenBrowser } from './support/browser';

const shots = path.resolve(import.meta.dirname, '..', '.faultline', 'e2e', 'screenshots');
const shoot = async (page: Page, name: string) => {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `ui-walk-${name}.png`), fullPage: true });
};

const count = (page: Page, selector: string) => page.locator(selector).count();
/** A first answer can take seconds on a machine busy with other test projects. */
const poll = <T>(fn: () => Promise<T>, timeout = 20_000) => expect.poll(fn, { timeout });

/**
 * Per tab: the selector of its main content and a check that it shows real data (rows the
 * server sent), not the empty shell it draws while a request has not answered.
 */
const tabs: { name: string; main: string; data: (page: Page) => Promise<void> }[] = [
  {
    name: 'overview',
    main: '[data-testid=topology]',
    data: async (page) => {
      await poll(() => count(page, '[data-testid=node][data-state=up]')).toBeGreaterThan(5);
      await poll(() => count(page, '[data-testid=load-panel]')).toBe(1);
      await poll(() => page.getAttribute('[data-testid=money-meter]', 'data-verdict')).toMatch(
        /WHOLE|DEGRADED|BROKEN/,
      );
    },
  },
  {
    name: 'faults',
    main: '[data-testid=fault-form]',
    data: async (page) => {
      await poll(() => count(page, '[data-testid=toggles] li.toggle')).toBeGreaterThan(0);
      await poll(() => count(page, '[data-testid=active-faults]')).toBe(1);
    },
  },
  {
    name: 'links',
    // The e2e sandbox runs with FAULTLINE_LINKS=on: the grid, a cell per instance and
    // dependency. A sandbox of one's own with links off shows how to turn them on instead.
    main: '[data-testid=links], [data-testid=links-off]',
    data: async (page) => {
      await poll(
        async () =>
          (await count(page, '[data-testid=link-cell]')) +
          (await count(page, '[data-testid=links-off]')),
      ).toBeGreaterThan(0);
    },
  },
  {
    name: 'charts',
    main: '[data-testid=charts]',
    data: async (page) => {
      await poll(async () =>
        Number(await page.getAttribute('[data-testid=charts]', 'data-samples')),
      ).toBeGreaterThan(0);
      await poll(() => count(page, '[data-testid=chart]')).toBeGreaterThan(1);
    },
  },
  {
    name: 'kafka',
    main: '[data-testid=kafka]',
    data: async (page) => {
      await poll(() => count(page, '[data-testid=kafka] .topics tbody tr')).toBeGreaterThan(0);
      await poll(() => count(page, '[data-testid=kafka] tbody tr')).toBeGreaterThan(1);
    },
  },
  {
    name: 'cassandra',
    main: '[data-testid=cassandra]',
    data: async (page) => {
      await poll(() => count(page, '[data-testid=cassandra] tbody tr')).toBeGreaterThan(0);
    },
  },
  {
    name: 'events',
    main: '[data-testid=event-feed]',
    data: async (page) => {
      // The walk's own logins and payments are in the feed by now.
      await poll(() => count(page, '[data-testid=event-feed] .feed-list li')).toBeGreaterThan(0);
    },
  },
  {
    name: 'experiments',
    main: '[data-testid=experiments]',
    data: async (page) => {
      await poll(() => count(page, '[data-testid=experiments] li.experiment')).toBeGreaterThan(0);
    },
  },
];

// Issue 12, as a new user tries it: the bank, then every tab of the admin panel, each showing
// what the server answered, with no console error and no failed request on the way.
describe('a new user walks the whole UI', () => {
  let b: OpenBrowser;
  const problems: string[] = [];
  beforeAll(async () => {
    b = await openBrowser();
    b.page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    b.page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    b.page.on('requestfailed', (r) => {
      // A poll or a feed cut short by the page moving on is not the server failing.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED')
        problems.push(`no answer: ${r.method()} ${r.url()} (${r.failure()?.errorText})`);
    });
    b.page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.request().method()} ${r.url()}`);
    });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('banks, then opens every admin tab with real data and no error', async () => {
    const { page } = b;
    onTestFailed(async () => {
      console.log('problems seen:', problems);
      await screenshot(page, 'ui-walk-failed');
    });
    const tabNames = await page
      .goto(`${UI}/#/admin`)
      .then(() =>
        page.locator('[data-testid^=tab-]').evaluateAll((els) => els.map((e) => e.dataset.testid)),
      );
    // A tab added to the panel without a check here fails the walk.
    expect(tabNames).toEqual(tabs.map((t) => `tab-${t.name}`));

    // The bank, lightly (bank.e2e.test.ts walks it in full): log in, open an account that the
    // treasury funds, open a second one funded from it.
    await page.goto(UI);
    const me = uniqueUser('walk');
    await page.fill('[data-testid=login-name]', me);
    await page.click('[data-testid=login-submit]');
    await poll(() => page.textContent('[data-testid=user-name]')).toBe(me);
    await page.click('[data-testid=open-submit]');
    const balances = () =>
      page
        .locator('[data-testid=account-balance]')
        .evaluateAll((els) => els.map((e) => BigInt(e.getAttribute('data-minor') ?? '0')));
    await poll(async () => (await balances())[0] ?? 0n, 40_000).toBeGreaterThan(0n);
    const gift = (await balances())[0]!;
    await page.fill('[data-testid=open-name]', 'Savings');
    await page.fill('[data-testid=open-amount]', '1.00');
    await page.click('[data-testid=open-submit]');
    await poll(async () => (await balances()).join(',')).toBe(`${gift - 100n},100`);
    const account = await page.getAttribute('[data-testid=account-card]', 'data-account');
    await shoot(page, 'bank');

    await page.click('[data-testid=nav-admin]');
    for (const tab of tabs) {
      const t0 = Date.now();
      await page.click(`[data-testid=tab-${tab.name}]`);
      await page.waitForSelector(tab.main);
      await tab.data(page);
      if (tab.name === 'cassandra') {
        // Where the new account's ledger partition lives: a node the table lists.
        await page.fill('[data-testid=replica-account]', account!);
        await page.click('[data-testid=cassandra] form button[type=submit]');
        await poll(() => page.textContent('[data-testid=replicas]')).toMatch(
          /held by\s+\d+\.\d+\.\d+\.\d+/,
        );
      }
      // No "Cannot load ... retrying" and no red line anywhere on the tab.
      expect(await page.locator('.admin-body .error').allTextContents(), tab.name).toEqual([]);
      expect(await page.getAttribute('[data-testid=connection-banner]', 'class')).not.toMatch(
        /\bbad\b/,
      );
      console.log(`tab ${tab.name}: real data in ${Date.now() - t0} ms`);
      await shoot(page, tab.name);
    }
    expect(problems).toEqual([]);
  });
});
