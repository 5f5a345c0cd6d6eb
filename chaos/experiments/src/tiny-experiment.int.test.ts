import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBank, type Bank } from '../../../test/bank/support/bank';
import { LoadController, loadSettingsSchema, OpPlan } from '@faultline/load';
import { moduleAuditPort } from './audit-port';
import type { ChaosApi } from './chaos-client';
import { runExperiment } from './engine';
import { ReportStore } from './report-store';
import { parseScenario } from './scenario';

// The chaos actions are not under test here (they are the control plane's): a recorder.
function recordingChaos(calls: string[]): ChaosApi {
  const rec = (what: string) => async () => void calls.push(what);
  return {
    topology: async () => [],
    act: async (node, action) => void calls.push(`${action} ${node}`),
    scale: rec('scale'),
    setFault: async () => ({ id: 'f1' }),
    clearFaults: rec('clear'),
    setToggle: rec('toggle'),
    toggles: async () => [],
  };
}

const scenario = parseScenario(
  `name: tiny
title: Tiny
steps:
  - { at: 0, do: load.start, load: { settings: { mode: open, ratePerSecond: 3, users: 3 } } }
  - { at: 2, do: node, node: transaction-1, action: pause }
  - { at: 3, do: node, node: transaction-1, action: resume }
  - { at: 5, do: load.stop }
  - { do: quiesce, timeoutSeconds: 90 }
  - { do: audit }
`,
  'tiny.yaml',
);

describe('a tiny experiment against the real services', () => {
  let bank: Bank;
  beforeAll(async () => {
    bank = await startBank();
  });
  afterAll(async () => {
    await bank?.stop();
  });

  it('runs the load, waits until every payment is final, audits CLEAN and writes the card', async () => {
    const calls: string[] = [];
    const load = new LoadController();
    const e = inject('endpoints');
    const card = await runExperiment(scenario, 11, {
      chaos: recordingChaos(calls),
      load,
      audit: moduleAuditPort({
        cassandra: {
          contactPoints: e.cassandraContactPoints,
          port: e.cassandraPort,
          localDataCenter: 'datacenter1',
          keyspace: bank.keyspace,
          replicationFactor: e.replicationFactor,
        },
        redisUrl: e.redisUrl,
        redisPrefix: bank.redisPrefix,
        stuckAfterMs: 60_000,
      }),
      bankBaseUrl: 'http://127.0.0.1:1/api',
      bankUrls: { account: bank.account.url, payment: bank.payment.url },
      scrapeMetrics: false,
    });

    expect(calls).toEqual(['pause transaction-1', 'resume transaction-1']);
    expect(card.quiesced).toBe(true);
    expect(card.payments.notFinal).toBe(0);
    // Three treasury gifts at least, and the transfers after them.
    expect(card.payments.COMPLETED).toBeGreaterThanOrEqual(3);
    expect(card.audit?.verdict).toBe('CLEAN');
    expect(card.periods).toEqual([
      expect.objectContaining({ label: 'pause transaction-1', start: 2 }),
    ]);
    expect(card.timeline.length).toBeGreaterThanOrEqual(4);
    // What was issued is exactly the seed's plan.
    const plan = new OpPlan(card.load!.settings);
    const ops = load.runner!.ops;
    expect(ops.length).toBe(card.load!.opsIssued);
    expect(ops).toEqual(ops.map(() => plan.next()));
    expect(card.load!.settings).toEqual(
      loadSettingsSchema.parse({ ...card.load!.settings, seed: 11 }),
    );

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reports-'));
    const store = new ReportStore(dir);
    store.write(card, ops);
    expect(store.list().map((r) => r.id)).toEqual([card.id]);
    expect(store.html(card.id)).toContain('class="verdict CLEAN"');
    fs.rmSync(dir, { recursive: true });
  }, 180_000);
});
