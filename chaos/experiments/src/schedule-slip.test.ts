import { LoadController } from '@faultline/load';
import { describe, expect, it } from 'vitest';
import type { AuditPort } from './audit-port';
import type { ChaosApi } from './chaos-client';
import { runExperiment } from './engine';
import { parseScenario } from './scenario';

// A step that overruns pushes the later steps back: the spacing of the plan holds. (The load
// has no bank to talk to here: its steps run, its requests fail, which is not under test.)
describe('the schedule of a scenario', () => {
  it('keeps the spacing between steps when one overruns', async () => {
    const started = Date.now();
    const at: Record<string, number> = {};
    const mark = (what: string) => (at[what] = Date.now() - started);
    const chaos: ChaosApi = {
      topology: async () => [],
      act: async () => undefined,
      scale: async () => {
        await new Promise((r) => setTimeout(r, 2500)); // a new instance slow to come up
        mark('scaled');
      },
      setFault: async () => ({ id: 'f1' }),
      clearFaults: async () => void mark('healed'),
      setToggle: async (_name, on) => void (on && mark('toggle')),
      toggles: async () => [],
      setToxic: async () => ({ id: 't1' }),
      setPartition: async () => ({ id: 'p1' }),
      healLinks: async () => undefined,
    };
    const scenario = parseScenario(
      `name: slip
title: Slip
steps:
  - { at: 0, do: load.start, load: { settings: { mode: open, ratePerSecond: 1, users: 1 } } }
  - { at: 0, do: scale, service: transaction, instances: 2 }
  - { at: 1, do: toggle, name: ledger.skip-idempotency, on: true }
  - { at: 4, do: heal }
  - { do: load.stop }
`,
      'slip.yaml',
    );
    const card = await runExperiment(scenario, 1, {
      chaos,
      load: new LoadController(),
      audit: {} as AuditPort,
      bankBaseUrl: 'http://127.0.0.1:1/api',
      scrapeMetrics: false,
    });
    expect(card.steps.map((s) => s.do)).toEqual([
      'load.start',
      'scale',
      'toggle',
      'heal',
      'load.stop',
    ]);
    // The toggle runs as soon as the scale is done (1.5 s late), and the heal keeps its 3 s
    // after the toggle, instead of following it at once at the planned 4 s.
    expect(at.toggle! - at.scaled!).toBeLessThan(500);
    expect(at.healed! - at.toggle!).toBeGreaterThan(2000);
  }, 15_000);
});
