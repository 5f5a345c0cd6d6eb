import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { accounts, fundedUser, pay, paymentState, until } from '../../e2e/support/bank-api';
import { openBrowser, type OpenBrowser } from '../../e2e/support/browser';
import { act, chaos, nodeState, scale, upInstances } from './chaos-api';
import { compose, leftovers, projectContainers, UI } from './compose';
import { DEFAULT_CONTAINERS } from './setup';
import { shoot } from './shots';

const balances = async (b: OpenBrowser): Promise<bigint[]> =>
  (
    await b.page
      .locator('[data-testid=account-balance]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-minor') ?? '0'))
  ).map((m) => BigInt(m));

async function waitState(id: string, state: string, ms: number): Promise<number> {
  const started = Date.now();
  await until(async () => (await nodeState(id)) === state, ms, 200);
  return Date.now() - started;
}

/** Members of the ledger's consumer group once it is stable (undefined while rebalancing). */
async function ledgerMembers(): Promise<number | undefined> {
  const { groups } = await chaos.kafka();
  const ledger = groups.find((g) => g.groupId.includes('transaction'));
  return ledger?.state === 'Stable' ? ledger.members : undefined;
}

/** A first account's gift lands through Kafka and the ledger: slow on a starved machine. */
const FUNDED_MS = 90_000;

// One stack for the whole file (test/docker/setup.ts): the tests run in order.
describe('docker compose up, for real', () => {
  let b: OpenBrowser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await chaos.stopLoad().catch(() => undefined);
    await b?.close();
  });

  it('runs every container healthy, each with its memory limit', () => {
    const containers = projectContainers();
    expect(containers.length).toBe(DEFAULT_CONTAINERS);
    for (const c of containers.filter((c) => c.service !== 'secrets')) {
      expect(`${c.name} ${c.state}/${c.health}`).toBe(`${c.name} running/healthy`);
    }
  });

  it('serves the bank journey in Chromium through 127.0.0.1:5173', async () => {
    const friend = await fundedUser('friend', FUNDED_MS);
    const { page } = b;
    onTestFailed(() => shoot(page, 'bank-failed'));
    const me = `docker-me-${Date.now().toString(36)}`;
    await page.goto(UI);
    await page.fill('[data-testid=login-name]', me);
    await page.click('[data-testid=login-submit]');
    await expect.poll(() => page.textContent('[data-testid=user-name]')).toBe(me);
    await page.click('[data-testid=open-submit]');
    await expect
      .poll(async () => (await balances(b))[0] ?? 0n, { timeout: 60_000 })
      .toBeGreaterThan(0n);
    const gift = (await balances(b))[0]!;
    await page.click('[data-testid=to-user-mode]');
    await page.fill('[data-testid=to-user-name]', friend.name);
    await page.click('[data-testid=to-user-find]');
    await page.waitForSelector('[data-testid=to-user-account]');
    await page.fill('[data-testid=transfer-amount]', '1.23');
    await page.click('[data-testid=transfer-submit]');
    const payment = page.locator('[data-testid=payment]', { hasText: '£1.23' });
    await expect
      .poll(() => payment.getAttribute('data-state'), { timeout: 60_000 })
      .toBe('COMPLETED');
    await expect.poll(async () => (await balances(b))[0], { timeout: 30_000 }).toBe(gift - 123n);
    await expect
      .poll(async () => BigInt((await accounts(friend.token))[0]?.balanceMinor ?? '0'), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0n);
    await shoot(page, 'docker-bank');
  });

  it('admin panel: a kill from the topology shows down within 2 s, start brings it back, + scales payment to 3', async () => {
    const { page } = b;
    onTestFailed(() => shoot(page, 'admin-failed'));
    await page.goto(`${UI}/#/admin`);
    const row = page.locator('[data-testid=node][data-node=transaction-1]');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('up');
    await shoot(page, 'docker-admin');
    const killedAt = Date.now();
    await row.locator('[data-testid=node-kill]').click();
    await expect
      .poll(() => row.getAttribute('data-state'), { timeout: 2000, interval: 50 })
      .toBe('down');
    console.log(`transaction-1 shown down ${Date.now() - killedAt} ms after the click`);
    await shoot(page, 'docker-admin-killed');
    await row.locator('[data-testid=node-start]').click();
    await expect
      .poll(() => row.getAttribute('data-state'), { timeout: 120_000, interval: 250 })
      .toBe('up');

    const control = page.locator('[data-testid=scale-payment]');
    const plus = control.locator('button', { hasText: '+' });
    for (const n of [2, 3]) {
      await plus.click();
      await expect
        .poll(() => control.textContent(), { timeout: 120_000 })
        .toContain(`${n} instances`);
    }
    const third = page.locator('[data-testid=node][data-node=payment-3]');
    await expect
      .poll(() => third.getAttribute('data-state'), { timeout: 180_000, interval: 500 })
      .toBe('up');
    await shoot(page, 'docker-admin-payment-3');
    await scale('payment', 1);
    await until(async () => (await upInstances('payment')).length === 1, 60_000, 500);
  });

  it('kills, pauses and resumes, and restarts containers through the docker driver', async () => {
    const alice = await fundedUser('alice', FUNDED_MS);
    const bob = await fundedUser('bob', FUNDED_MS);

    // kill: SIGKILL, stays down (no restart policy); a payment made meanwhile waits in Kafka.
    await act('transaction-1', 'kill');
    console.log(
      `transaction-1 down ${await waitState('transaction-1', 'down', 5_000)} ms after kill`,
    );
    const waiting = await pay(alice.token, alice.account, bob.account, '2.50');
    await act('transaction-1', 'start');
    console.log(
      `transaction-1 up ${await waitState('transaction-1', 'up', 120_000)} ms after start`,
    );
    await until(
      async () => (await paymentState(alice.token, waiting)) === 'COMPLETED',
      90_000,
      500,
    );

    // pause / resume: the cgroup freezer; the gateway stops routing to it meanwhile.
    await act('account-1', 'pause');
    await waitState('account-1', 'paused', 5_000);
    await act('account-1', 'resume');
    await waitState('account-1', 'up', 60_000);

    // restart: graceful stop, then start; the service answers again.
    await act('payment-1', 'restart');
    console.log(`payment-1 up ${await waitState('payment-1', 'up', 120_000)} ms after restart`);
    const after = await pay(alice.token, alice.account, bob.account, '1.00');
    await until(async () => (await paymentState(alice.token, after)) === 'COMPLETED', 90_000, 500);
  });

  it('scales payment 1 -> 3 -> 1 and transaction 1 -> 2 under DO LOTS OF THINGS', async () => {
    await chaos.startLoad({ preset: 'DO LOTS OF THINGS', overrides: { durationSeconds: 120 } });
    try {
      let t = Date.now();
      await scale('payment', 3);
      await until(async () => (await upInstances('payment')).length === 3, 180_000, 500);
      console.log(`payment scaled to 3 (all up) in ${Date.now() - t} ms`);

      t = Date.now();
      await scale('transaction', 2);
      await until(async () => (await upInstances('transaction')).length === 2, 180_000, 500);
      await until(async () => (await ledgerMembers()) === 2, 120_000, 500);
      console.log(`transaction scaled to 2 (both in the ledger's group) in ${Date.now() - t} ms`);

      t = Date.now();
      await scale('payment', 1);
      await until(async () => (await upInstances('payment')).length === 1, 60_000, 500);
      console.log(`payment scaled back to 1 in ${Date.now() - t} ms`);
      const status = await chaos.load();
      console.log('load totals while scaling:', JSON.stringify(status.stats?.totals ?? null));
      expect(status.stats?.totals.completed ?? 0).toBeGreaterThan(0);
    } finally {
      await chaos.stopLoad();
    }
    await scale('transaction', 1);
    await until(async () => (await upInstances('transaction')).length === 1, 60_000, 500);
  });

  it('passes a full audit: WHOLE', async () => {
    // In-flight payments of the load settle first (the sweeper re-drives any stuck one).
    let report: Awaited<ReturnType<typeof chaos.fullAudit>> | undefined;
    await until(
      async () => {
        report = await chaos.fullAudit();
        return report.verdict === 'WHOLE';
      },
      120_000,
      5_000,
    );
    console.log(`full audit: ${report?.summary}`);
    expect(report?.verdict).toBe('WHOLE');
  });

  it('docker compose down -v leaves no container, network or volume of the project', () => {
    compose(['down', '-v', '--remove-orphans', '--timeout', '10'], { quiet: true });
    expect(leftovers()).toEqual([]);
  });
});
