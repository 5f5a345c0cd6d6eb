import type { ToxicSpec } from './toxic-schema';

/** Bytes waiting to be written, and the time (ms, the pipe's clock) they may leave. */
export interface Piece {
  data: Buffer;
  at: number;
}

/** A number in [0, 1). Injected so tests can roll the dice themselves. */
export type Random = () => number;

/**
 * A toxic that changes when bytes leave or how they are cut, never what they are. Shapers
 * keep state across chunks (the bandwidth budget), so each connection direction gets its own.
 */
export interface Shaper {
  shape(pieces: Piece[]): Piece[];
}

type Spec<K extends ToxicSpec['kind']> = Extract<ToxicSpec, { kind: K }>;

/** Each chunk waits meanMs ± jitterMs (uniform). The pipe keeps the order. */
export function latencyShaper(spec: Spec<'latency'>, random: Random): Shaper {
  return {
    shape: (pieces) =>
      pieces.map((p) => ({
        data: p.data,
        at: p.at + Math.max(0, spec.meanMs + (random() * 2 - 1) * spec.jitterMs),
      })),
  };
}

/**
 * At most kbPerSecond × 1024 bytes a second. Big chunks are cut into tenth-of-a-second
 * slices so a slow link trickles instead of stalling and then bursting.
 */
export function bandwidthShaper(spec: Spec<'bandwidth'>): Shaper {
  const bytesPerMs = (spec.kbPerSecond * 1024) / 1000;
  const slice = Math.max(1, Math.floor(bytesPerMs * 100));
  let freeAt = -Infinity;
  return {
    shape: (pieces) =>
      pieces.flatMap((p) =>
        cut(p.data, () => slice).map((data) => {
          freeAt = Math.max(freeAt, p.at) + data.length / bytesPerMs;
          return { data, at: freeAt };
        }),
      ),
  };
}

/** Cuts chunks into averageBytes ± variationBytes pieces, delayMs apart. */
export function slicerShaper(spec: Spec<'slicer'>, random: Random): Shaper {
  const size = () =>
    Math.max(1, Math.round(spec.averageBytes + (random() * 2 - 1) * spec.variationBytes));
  return {
    shape: (pieces) =>
      pieces.flatMap((p) =>
        cut(p.data, size).map((data, i) => ({ data, at: p.at + i * spec.delayMs })),
      ),
  };
}

function cut(data: Buffer, size: () => number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; ) {
    const n = size();
    out.push(data.subarray(i, i + n));
    i += n;
  }
  return out;
}

/** The shaper for a toxic, or undefined for the toxics that act on the connection itself. */
export function shaperFor(spec: ToxicSpec, random: Random): Shaper | undefined {
  switch (spec.kind) {
    case 'latency':
      return latencyShaper(spec, random);
    case 'bandwidth':
      return bandwidthShaper(spec);
    case 'slicer':
      return slicerShaper(spec, random);
    default:
      return undefined;
  }
}

/** Bytes never overtake each other: a piece leaves no earlier than the one before it. */
export function inOrder(pieces: Piece[], notBefore: number): Piece[] {
  let last = notBefore;
  return pieces.map((p) => {
    last = Math.max(last, p.at);
    return { data: p.data, at: last };
  });
}
