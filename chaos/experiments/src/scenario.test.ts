import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, scenarioFiles } from './scenario';
import { experimentsDir } from './setup';

const shipped = [
  'kill-ledger-under-load',
  'pause-cassandra-10s',
  'kill-cassandra-node-cluster',
  'redis-outage',
  'cassandra-latency-ledger',
  'poison-messages',
  'duplicate-delivery-idempotency',
  'crash-after-ledger-write',
  'scale-payment-under-load',
  'pause-kafka-10s',
  // issue 15: links
  'partition-ledger-cassandra',
  'asymmetric-payment-kafka',
  'redis-blackhole-5s',
  // issue 15: clock skew
  'payment-clock-bump',
];

describe('scenarios', () => {
  it('ships the scenarios of issues 5 and 15, each valid and ending in an audit', () => {
    expect([...scenarioFiles(experimentsDir).keys()].sort()).toEqual([...shipped].sort());
    for (const name of shipped) {
      const s = loadScenario(experimentsDir, name);
      expect(s.steps.at(-1)?.do).toBe('audit');
      expect(s.steps.some((st) => st.do === 'quiesce')).toBe(true);
    }
    expect(loadScenario(experimentsDir, 'kill-cassandra-node-cluster').profile).toBe('cluster');
  });

  it('rejects a bad file with a message naming the problem and where it is', () => {
    const bad = (text: string) => () => parseScenario(text, 'bad.yaml');
    expect(
      bad(
        'name: x\ntitle: t\nsteps: [{ do: load.start, load: { preset: busy } }, { at: 5, do: explode }]',
      ),
    ).toThrow(/bad\.yaml: steps\.1\.do/);
    expect(
      bad(
        'name: x\ntitle: t\nsteps:\n  - { at: 10, do: load.start, load: { preset: busy } }\n  - { at: 5, do: load.stop }',
      ),
    ).toThrow(/steps\.1\.at: steps must be in time order/);
    expect(
      bad(
        'name: x\ntitle: t\nsteps:\n  - { at: 0, do: load.start, load: { preset: busy } }\n  - { at: 1, do: fault, fault: { kind: latency, service: ledger, target: cassandra, meanMs: 5 } }',
      ),
    ).toThrow(/steps\.1\.fault\.service/);
    expect(
      bad(
        'name: x\ntitle: t\nsteps:\n  - { at: 0, do: load.start, load: { preset: busy } }\n  - { at: 1, do: partition, partition: { preset: isolate, instance: transaction-1, from: dns } }',
      ),
    ).toThrow(/steps\.1\.partition\.from/);
    expect(
      bad(
        'name: x\ntitle: t\nsteps:\n  - { at: 0, do: load.start, load: { preset: busy } }\n  - { at: 1, do: link, link: payment-1 -> kafka, toxic: { kind: latency, meanMs: -1 } }',
      ),
    ).toThrow(/steps\.1\.toxic\.meanMs/);
    expect(bad('name: x\ntitle: t\nsteps: [{ do: audit }]')).toThrow(/needs a load.start step/);
    expect(bad('name: x\ntitle: t\nsteps: [ {')).toThrow(/not valid YAML/);
    expect(
      bad('name: x\ntitle: t\nsurprise: 1\nsteps: [{ do: load.start, load: { preset: busy } }]'),
    ).toThrow(/surprise/);
  });

  it('refuses a file whose name field differs from its file name', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'scn-'));
    fs.writeFileSync(
      path.join(dir, 'a.yaml'),
      'name: b\ntitle: t\nsteps: [{ do: load.start, load: { preset: gentle } }]\n',
    );
    expect(() => loadScenario(dir, 'a')).toThrow(/must match the file name/);
    expect(() => loadScenario(dir, 'nope')).toThrow(/no scenario "nope"/);
    fs.rmSync(dir, { recursive: true });
  });
});
