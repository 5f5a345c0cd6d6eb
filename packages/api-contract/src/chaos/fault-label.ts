import type { FaultSpec } from './fault-spec';

/** Where a fault applies, as the audit log names it: `payment:kafka.produce`, `payment-2:clock`. */
export function faultTargetLabel(spec: FaultSpec): string {
  switch (spec.kind) {
    case 'crash':
      return `${spec.service}:${spec.point}`;
    case 'clock':
      return `${spec.instance ?? spec.service}:clock`;
    default:
      return `${spec.service}:${spec.target}`;
  }
}

/** A fault in a few words, for the feed, the charts' bands and the report cards. */
export function describeFault(spec: FaultSpec): string {
  switch (spec.kind) {
    case 'crash':
      return `crash ${spec.service} at ${spec.point}`;
    case 'latency':
      return `${spec.meanMs} ms latency on ${spec.service} ${spec.target}`;
    case 'error':
      return `${spec.rate * 100}% errors on ${spec.service} ${spec.target}`;
    case 'clock':
      return spec.mode === 'bump'
        ? `clock ${spec.seconds > 0 ? '+' : ''}${spec.seconds} s on ${spec.instance ?? spec.service}`
        : `clock strobe ±${spec.seconds} s every ${spec.periodSeconds} s on ${spec.instance ?? spec.service}`;
  }
}
