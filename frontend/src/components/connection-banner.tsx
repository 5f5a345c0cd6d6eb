import { useHealth } from '../live/health';

/**
 * Says what the page cannot reach right now. It never blocks anything: requests keep being
 * retried and the feed reconnects by itself; the banner goes when they answer again.
 */
const names: Record<string, string> = {
  account: 'account service',
  payment: 'payment service',
  transaction: 'transaction service',
  chaos: 'control plane',
};

export function ConnectionBanner() {
  const health = useHealth();
  const down = Object.keys(health.apiDown).map((a) => names[a] ?? a);
  const problems: string[] = [];
  if (health.feed === 'down') problems.push('live feed disconnected — reconnecting');
  if (down.length) problems.push(`not answering: ${down.join(', ')} — retrying`);
  return (
    <div
      className={`banner ${problems.length ? 'bad' : 'ok'}`}
      data-testid="connection-banner"
      role="status"
    >
      {problems.length ? problems.join(' · ') : health.feed === 'up' ? 'live' : 'connecting…'}
    </div>
  );
}
