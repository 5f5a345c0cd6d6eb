import { useState } from 'react';
import { chaos } from '../api/chaos';
import type { Violation } from '@faultline/api-contract';
import { messageOf } from '@faultline/api-contract';
import { TraceDiagram } from './trace-diagram';

/**
 * One click from a violation to its why chain in money words (the auditor's --explain):
 * the effect first, then each link back to the safety net that was off and who set it;
 * below it, the spacetime diagram of the payment involved.
 */
export function WhyChain({ v }: { v: Violation }) {
  const [chain, setChain] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const ask = () => {
    setBusy(true);
    chaos.explain(v.payments[0] ?? v.accounts[0] ?? v.kind).then(
      (r) => {
        setBusy(false);
        const same = r.explanations.find((x) => x.kind === v.kind) ?? r.explanations[0];
        setChain(same?.chain ?? ['This violation no longer stands: nothing to explain now.']);
      },
      (err: unknown) => {
        setBusy(false);
        setChain([`could not explain: ${messageOf(err)}`]);
      },
    );
  };
  if (!chain)
    return (
      <button className="link" onClick={ask} disabled={busy} data-testid="why">
        {busy ? 'explaining…' : v.payments.length ? 'why? + diagram' : 'why?'}
      </button>
    );
  const payment = v.payments[0];
  return (
    <>
      <ol className="plain why-chain" data-testid="why-chain">
        {chain.map((line, i) => (
          <li key={i}>
            {i > 0 ? '← ' : ''}
            {line}
          </li>
        ))}
      </ol>
      {payment && <TraceDiagram paymentId={payment} />}
    </>
  );
}
