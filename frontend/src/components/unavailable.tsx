/** For a panel whose endpoint is loading, not there (404) or not answering. */
export function Unavailable({ status, error }: { status: number | undefined; error?: string }) {
  if (status === undefined) return <div className="muted">Loading…</div>;
  if (status === 404) return <div className="muted">Not available yet in this control plane.</div>;
  return <div className="error">Cannot load: {error ?? 'no answer'} — retrying.</div>;
}
