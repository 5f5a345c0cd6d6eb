import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '@faultline/api-contract';

export interface Polled<T> {
  data: T | undefined;
  error: string | undefined;
  /** HTTP status of the last failure (404: the endpoint does not exist yet). */
  status: number | undefined;
  refresh: () => void;
}

/**
 * Loads now and every `everyMs`, keeping the last good data through failures (the view does
 * not blank out while a service is down) and recovering by itself when it answers again.
 */
export function usePoll<T>(
  load: () => Promise<T>,
  everyMs: number,
  deps: unknown[] = [],
): Polled<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<number>();
  const loader = useRef(load);
  loader.current = load;
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let alive = true;
    const run = () => {
      loader.current().then(
        (d) => {
          if (!alive) return;
          setData(d);
          setError(undefined);
          setStatus(undefined);
        },
        (err: unknown) => {
          if (!alive) return;
          setError(messageOf(err));
          setStatus(typeof err === 'object' && err && 'status' in err ? Number(err.status) : 0);
        },
      );
    };
    run();
    const id = everyMs > 0 ? setInterval(run, everyMs) : undefined;
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [everyMs, tick, ...deps]);
  return { data, error, status, refresh };
}
