import path from 'node:path';
import { createChaosClient, type LoadStats } from '@faultline/api-contract';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { openBrowser, screenshot, UI, type OpenBrowser } from './support/browser';

const chaos = createChaosClient({
  baseUrl: 'http://127.0.0.1:4000',
  timeoutMs: 30_000,
  headers: () => ({ 'x-faultline-actor': 'e2e-links' }),
});
const shots = path.resolve(import.meta.dirname, '..', '.faultline', 'e2e', 'screenshots');
const CUT = 'transaction-1 -> cassandra-1';
const CUT_SECONDS = 15;

/** Payments the ledger had to finish: COMPLETED needs a debit and a credit, REFUNDED a refund. */
const ledgerFinished = (s: LoadStats) =>
  (s.totals.finalized.COMPLETED ?? 0) + (s.totals.finalized.REFUNDED ?? 0);
const stats = async (): Promise<LoadStats> => {
  const s = (await chaos.load()).stats;
  if (!s) throw new Error('no load run');
  return s;
};
const brokenNow = async () =>
  (await chaos.verdict(1000)).violations
    .filter((v) => v.level === 'BROKEN')
    .map((v) => `${v.kind}|${v.accounts.join(',')}|${v.payments.join(',')}`);

describe('links view: partition transaction-1 from Cassandra during DO LOTS OF THINGS', () => {
  let b: OpenBrowser;
  let linksOn = false;
  beforeAll(async () => {
    linksOn = (await chaos.links()).enabled;
    if (linksOn) await chaos.healLinks();
    b = await openBrowser();
  });
  afterAll(async () => {
    // Whatever happened, the next test finds the links healed and no load running.
    await chaos.stopLoad().catch(() => undefined);
    if (linksOn) await chaos.healLinks().catch(() => undefined);
    await b?.close();
  });

  it('payments wait while cut, nothing is lost, all final after the heal', async (ctx) => {
    if (!linksOn) {
      // The e2e setup starts its sandbox with links on; a developer's own `npm start` may not.
      if (inject('sandboxStartedHere'))
        throw new Error('the sandbox this run started has links off');
      console.warn(
        'links-partition: the running sandbox has links off (restart it with FAULTLINE_LINKS=on npm start); skipped',
      );
      ctx.skip();
    }
    const { page } = b;
    onTestFailed(() => screenshot(page, 'links-failed', shots));
    await page.goto(`${UI}/#/admin`);
    const meter = page.locator('[data-testid=money-meter]');
    await expect
      .poll(() => meter.getAttribute('data-verdict'), { timeout: 30_000 })
      .toMatch(/WHOLE|BROKEN/);
    const before = new Set(await brokenNow());
    // Toggles live in the shared Redis: a safety net another run left off (seen twice:
    // ledger.skip-idempotency) turns the heal's redelivered legs into duplicates. This test
    // is about the nets holding under a partition: switch them all on, as the links are healed.
    for (const t of await chaos.toggles()) {
      if (!t.on) continue;
      console.warn(`links-partition: ${t.name} was left off (by ${t.setBy}); switching it on`);
      await chaos.setToggle(t.name, false);
    }
    const netsOff = (await chaos.toggles()).filter((t) => t.on).map((t) => t.name);
    expect(netsOff, 'safety nets switched off before the test').toEqual([]);

    // DO LOTS OF THINGS, until the bank is seen completing payments; then its pace for 8 s.
    await page.click('[data-testid=do-lots]');
    await expect
      .poll(async () => ledgerFinished(await stats()), { timeout: 60_000 })
      .toBeGreaterThan(0);
    const paceFrom = await stats();
    await page.waitForTimeout(8000);
    const finishedBeforeCut = ledgerFinished(await stats()) - ledgerFinished(paceFrom);

    // The links view: click the link, then cut the instance off from Cassandra (a preset).
    await page.click('[data-testid=tab-links]');
    const cell = page.locator(`[data-testid=link-cell][data-link="${CUT}"]`);
    await cell.click();
    await expect
      .poll(() => page.locator('[data-testid=link-editor]').getAttribute('data-link'))
      .toBe(CUT);
    await page.selectOption('[data-testid=partition-instance]', 'transaction-1');
    await page.click('[data-testid=partition-isolate-cassandra]');
    const cutAt = Date.now();
    await expect
      .poll(async () => Number(await cell.getAttribute('data-toxics')), { timeout: 10_000 })
      .toBe(2);
    await expect.poll(() => page.locator('[data-testid=partition]').count()).toBe(1);
    const atCut = await stats();

    // While cut: nothing reaches the ledger, so payments pile up unfinished.
    await page.waitForTimeout(4000);
    const afterGrace = await stats();
    let maxPending = afterGrace.pendingPayments;
    while (Date.now() - cutAt < CUT_SECONDS * 1000) {
      await page.waitForTimeout(1000);
      maxPending = Math.max(maxPending, (await stats()).pendingPayments);
    }
    const endOfCut = await stats();
    await screenshot(page, 'links-cut', shots);
    const figures = {
      ledgerFinishedIn8sBeforeCut: finishedBeforeCut,
      ledgerFinishedInLast11sOfCut: ledgerFinished(endOfCut) - ledgerFinished(afterGrace),
      pendingAtCut: atCut.pendingPayments,
      pendingAtEndOfCut: endOfCut.pendingPayments,
      maxPending,
      attemptedWhileCut: endOfCut.totals.attempted - atCut.totals.attempted,
    };
    console.log('while cut:', JSON.stringify(figures));
    // DO LOTS OF THINGS is a closed loop (32 workers, each waiting for its payment): while the
    // ledger cannot reach Cassandra, the workers' payments wait, unfinished. The tracker may
    // see a payment finished just before the cut a moment late: a grace of 4 s, then (almost)
    // nothing the ledger must finish can finish.
    expect(endOfCut.pendingPayments).toBeGreaterThanOrEqual(10);
    expect(figures.ledgerFinishedInLast11sOfCut).toBeLessThanOrEqual(2);
    expect(figures.ledgerFinishedInLast11sOfCut).toBeLessThan(Math.max(3, finishedBeforeCut));

    // Heal from the view, stop the load, and wait until every payment is final.
    await page.click('[data-testid=partition-heal]');
    const healAt = Date.now();
    await expect
      .poll(async () => Number(await cell.getAttribute('data-toxics')), { timeout: 10_000 })
      .toBe(0);
    await expect.poll(() => page.locator('[data-testid=partition]').count()).toBe(0);
    await screenshot(page, 'links-healed', shots);
    await page.click('[data-testid=tab-overview]');
    await page.click('[data-testid=load-stop]');
    await expect
      .poll(async () => (await stats()).pendingPayments, { timeout: 150_000, interval: 1000 })
      .toBe(0);
    const allFinalSeconds = (Date.now() - healAt) / 1000;
    const last = await stats();
    console.log(
      `all final ${allFinalSeconds.toFixed(1)} s after the heal:`,
      JSON.stringify(last.totals.finalized),
    );

    // The action log has the partition and its heal, from the UI; the full audit: money whole.
    const log = await chaos.audit(200);
    const mine = log.filter((e) => Date.parse(e.at) >= cutAt - 5000);
    expect(mine.some((e) => e.action === 'partition.isolate' && e.result === 'ok')).toBe(true);
    expect(mine.some((e) => e.action === 'partition.heal' && e.result === 'ok')).toBe(true);
    const report = await chaos.fullAudit();
    console.log(
      `full audit: ${report.verdict}, sum ${report.totals.sum}, in flight ${report.totals.inFlightPayments} payments, ${report.totals.payments} payments`,
    );
    if (before.size === 0) {
      // A lagging consumer may read DEGRADED a moment after the backlog: WHOLE once it drained.
      await expect
        .poll(async () => (await chaos.fullAudit()).verdict, { timeout: 60_000, interval: 3000 })
        .toBe('WHOLE');
    } else {
      expect((await brokenNow()).filter((k) => !before.has(k))).toEqual([]);
    }

    // The cut is a shaded fault period on the charts.
    await page.click('[data-testid=tab-charts]');
    await page.waitForTimeout(2500);
    await screenshot(page, 'links-charts', shots);
  }, 330_000);
});
