import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { openBrowser, screenshot, UI, type OpenBrowser } from './support/browser';
import { floodFeed, readFrameProbe, startFrameProbe } from './support/frame-probe';

const CHAOS = 'http://127.0.0.1:4000/api/chaos';

interface Sample {
  at: number;
  paymentsPerSec: number;
}

const json = async <T>(path: string, init?: RequestInit): Promise<T> =>
  (await (await fetch(`${CHAOS}${path}`, init)).json()) as T;

describe('DO LOTS OF THINGS for 20 s', () => {
  let b: OpenBrowser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    // Whatever happened, the sandbox is left without load for the next test.
    await fetch(`${CHAOS}/load/stop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    }).catch(() => undefined);
    await b?.close();
  });

  it('moves the charts, keeps the money meter green and the page responsive', async () => {
    const { page } = b;
    onTestFailed(() => screenshot(page, 'load-failed'));
    await page.goto(`${UI}/#/admin`);
    const meter = page.locator('[data-testid=money-meter]');
    await expect.poll(() => meter.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('CLEAN');

    const startedAt = Date.now();
    await page.click('[data-testid=do-lots]');
    await expect
      .poll(async () => Number(await page.textContent('[data-testid=load-ops]')), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await screenshot(page, 'admin-load');

    await page.click('[data-testid=tab-charts]');
    await startFrameProbe(page);
    const verdicts = new Set<string>();
    while (Date.now() - startedAt < 20_000) {
      verdicts.add(
        (await page.locator('[data-testid=meter-chip]').getAttribute('data-verdict')) ?? '',
      );
      await page.waitForTimeout(500);
    }
    const figures = await readFrameProbe(page);
    console.log('frames during DO LOTS OF THINGS:', JSON.stringify(figures));
    await screenshot(page, 'admin-charts');

    await page.click('[data-testid=tab-overview]');
    await page.click('[data-testid=load-stop]');
    const { stats } = await json<{ stats?: { totals: { attempted: number; completed: number } } }>(
      '/load',
    );
    console.log('load totals:', JSON.stringify(stats?.totals ?? null));

    // The charts moved: the telemetry the page draws saw payments completing during the run.
    const { samples } = await json<{ samples: Sample[] }>('/telemetry');
    const during = samples.filter((s) => s.at >= startedAt);
    expect(Math.max(...during.map((s) => s.paymentsPerSec))).toBeGreaterThan(0);

    // Green all along, and still green once the last payments settled.
    expect([...verdicts].filter((v) => v !== '')).toEqual(['CLEAN']);
    await expect.poll(() => meter.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('CLEAN');

    // Responsive: frames kept coming (no frozen page), no single task blocked it for a second.
    expect(figures.frames).toBeGreaterThan(50);
    expect(figures.longestTaskMs).toBeLessThan(1000);
    await screenshot(page, 'admin-after-load');

    // 1,000 events/s into the event feed (batched per frame): the page keeps drawing frames.
    await page.click('[data-testid=tab-events]');
    await startFrameProbe(page);
    const sent = await floodFeed(page, 1000, 5);
    const flood = await readFrameProbe(page);
    console.log(`event feed at 1,000 events/s (${sent} events):`, JSON.stringify(flood));
    await screenshot(page, 'admin-events');
    // Measured ~40-50 fps with p95 33-83 ms; the bounds leave room for a machine busy with the
    // other test projects, and still catch a page that re-renders per event (~5 fps, p95 700 ms).
    expect(flood.frames).toBeGreaterThan(50);
    expect(flood.p95FrameMs).toBeLessThan(400);
    expect(flood.longestTaskMs).toBeLessThan(1500);
  });
});
