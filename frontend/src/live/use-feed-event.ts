import type { FeedEventName, FeedPayload } from '@faultline/api-contract';
import type { Socket } from 'socket.io-client';
import { useEffect, useRef } from 'react';
import { feed } from './socket';

type Listener = (payload: unknown) => void;

/**
 * Subscribes to a feed event, delivering everything that arrived since the last delivery in
 * one call, on an animation frame and at most once per `minIntervalMs`: at 1,000 events/s
 * the page re-renders a few times a second, not a thousand.
 */
export function useFeedEvent<E extends FeedEventName>(
  event: E,
  onBatch: (items: FeedPayload<E>[]) => void,
  minIntervalMs = 0,
): void {
  const handler = useRef(onBatch);
  handler.current = onBatch;
  useEffect(() => {
    let queue: FeedPayload<E>[] = [];
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
    const onEvent = (item: FeedPayload<E>) => {
      queue.push(item);
      if (frame || timer) return;
      const wait = lastFlush + minIntervalMs - performance.now();
      if (wait > 0) timer = setTimeout(schedule, wait);
      else schedule();
    };
    // The hook's signature types the payload; the generic socket call cannot see that far.
    const s = feed() as unknown as Socket;
    s.on(event as string, onEvent as Listener);
    return () => {
      s.off(event as string, onEvent as Listener);
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [event, minIntervalMs]);
}
