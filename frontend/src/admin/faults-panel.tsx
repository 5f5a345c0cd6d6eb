import { feedEvents } from '@faultline/api-contract';
import { chaos } from '../api/chaos';
import { Unavailable } from '../components/unavailable';
import { useFeedEvent } from '../live/use-feed-event';
import { usePoll } from '../live/use-poll';
import { ActiveFaults } from './active-faults';
import { ClockSkewForm } from './clock-skew-form';
import { FaultForm } from './fault-form';
import { TogglesPanel } from './toggles-panel';

/** Inject faults and clock skew, see and clear the active ones, switch safety nets off and on. */
export function FaultsPanel() {
  const faults = usePoll(() => chaos.faults(), 3000);
  useFeedEvent(feedEvents.event, (batch) => {
    if (batch.some((e) => e.type === 'fault')) faults.refresh();
  });
  return (
    <div className="faults-grid">
      <div className="stack">
        {faults.data ? (
          <>
            <FaultForm catalogue={faults.data.catalogue} onAdded={faults.refresh} />
            <ClockSkewForm
              maxSeconds={faults.data.catalogue.clockSkew.maxSeconds}
              onAdded={faults.refresh}
            />
          </>
        ) : (
          <Unavailable status={faults.status} error={faults.error} />
        )}
        <ActiveFaults faults={faults.data?.faults ?? []} onChange={faults.refresh} />
      </div>
      <TogglesPanel />
    </div>
  );
}
