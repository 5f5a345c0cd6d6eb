import { useEffect, useRef } from 'react';
import { feed } from './socket';

/**
 * Subscribes to a feed event, delivering everything that arrived since the last delivery in
 * one call, on an animation frame and at most once per `minIntervalMs`: at 1,000 events/s
 * the page re-renders a few times a second, not a thousand.
 */
export function useFeedEvent<T>(
  event: string,
  onBatch: (items: T[]) => void,
  minIntervalMs = 0,
): void {
  const handler = useRef(onBatch);
  handler.current = onBatch;
  useEffect(() => {
    let queue: T[] = [];
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastFlush = 0;
    const flush = () => {
      frame = 0;
      lastFlush = performance.now();
      const items = queue;
      queue = [];
      handler.current(items);
    };
    const schedule = () => {
      timer = undefined;
      frame = requestAnimationFrame(flush);
    };
    const onEvent = (item: T) => {
      queue.push(item);
      if (frame || timer) return;
      const wait = lastFlush + minIntervalMs - performance.now();
      if (wait > 0) timer = setTimeout(schedule, wait);
      else schedule();
    };
    const s = feed();
    s.on(event, onEvent);
    return () => {
      s.off(event, onEvent);
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [event, minIntervalMs]);
}
