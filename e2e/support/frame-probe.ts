/// <reference lib="dom" />
import type { Page } from 'playwright-core';

export interface FrameFigures {
  frames: number;
  p50FrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  longTasks: number;
  longTaskTotalMs: number;
  longestTaskMs: number;
}

interface ProbeWindow {
  __probe?: { frames: number[]; longTasks: number[] };
}

/** Starts recording frame intervals (rAF) and long tasks (PerformanceObserver) in the page. */
export async function startFrameProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    const probe = { frames: [] as number[], longTasks: [] as number[] };
    w.__probe = probe;
    let last = performance.now();
    const tick = (t: number) => {
      probe.frames.push(t - last);
      last = t;
      if (w.__probe === probe) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

export async function readFrameProbe(page: Page): Promise<FrameFigures> {
  const { frames, longTasks } = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    const p = w.__probe ?? { frames: [], longTasks: [] };
    w.__probe = undefined;
    return p;
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    frames: frames.length,
    p50FrameMs: at(0.5),
    p95FrameMs: at(0.95),
    maxFrameMs: Math.round(sorted[sorted.length - 1] ?? 0),
    longTasks: longTasks.length,
    longTaskTotalMs: Math.round(longTasks.reduce((s, d) => s + d, 0)),
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
  };
}

/**
 * Feeds `perSecond` synthetic chaos events for `seconds` through the page's own socket
 * handlers (as if the control plane sent them), to measure the UI at a rate the sandbox on
 * this machine cannot produce by itself.
 */
export async function floodFeed(page: Page, perSecond: number, seconds: number): Promise<number> {
  return page.evaluate(
    async ({ perSecond, seconds }) => {
      type Handler = (e: unknown) => void;
      const s = (globalThis as { faultlineFeed?: { listeners(ev: string): Handler[] } })
        .faultlineFeed;
      if (!s) throw new Error('no feed socket on the page');
      let seq = 1e9;
      let sent = 0;
      const end = performance.now() + seconds * 1000;
      while (performance.now() < end) {
        const handlers = s.listeners('event');
        for (let i = 0; i < perSecond / 10; i++) {
          const e = {
            seq: seq++,
            at: new Date().toISOString(),
            type: 'node',
            summary: `synthetic ${seq}`,
            data: null,
          };
          for (const h of handlers) h(e);
          sent++;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return sent;
    },
    { perSecond, seconds },
  );
}
