import { useSyncExternalStore } from 'react';

/** Which part of the system the page currently cannot reach, for the banner. */
export interface Health {
  feed: 'connecting' | 'up' | 'down';
  /** API areas (account, payment, chaos ...) whose last request failed, with when. */
  apiDown: Record<string, number>;
}

let state: Health = { feed: 'connecting', apiDown: {} };
const listeners = new Set<() => void>();
const publish = (next: Health) => {
  state = next;
  for (const l of listeners) l();
};

const areaOf = (path: string): string => /^\/api\/([a-z]+)/.exec(path)?.[1] ?? 'api';

export function reportApi(path: string, ok: boolean): void {
  const area = areaOf(path);
  const down = area in state.apiDown;
  if (ok && down) {
    const { [area]: _gone, ...rest } = state.apiDown;
    publish({ ...state, apiDown: rest });
  } else if (!ok && !down) {
    publish({ ...state, apiDown: { ...state.apiDown, [area]: Date.now() } });
  }
}

export function reportFeed(feed: Health['feed']): void {
  if (feed !== state.feed) publish({ ...state, feed });
}

export function useHealth(): Health {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
