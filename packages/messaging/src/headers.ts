import type { IHeaders } from 'kafkajs';

/** Headers the consumer writes on retry and dead-letter messages. */
export const failureHeaders = {
  errorCode: 'x-error-code',
  errorMessage: 'x-error-message',
  errorRetriable: 'x-error-retriable',
  originTopic: 'x-origin-topic',
  originPartition: 'x-origin-partition',
  originOffset: 'x-origin-offset',
  attempt: 'x-attempt',
  failedAt: 'x-failed-at',
  failedBy: 'x-failed-by',
  /** On a replayed message: `<dlt topic>:<partition>:<offset>` it came from. */
  replayedFrom: 'x-replayed-from',
} as const;

/** kafkajs hands headers as Buffers (or arrays of them); Faultline headers are strings. */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) out[name] = last.toString();
  }
  return out;
}

/** Header values are bounded so a huge error message cannot make the forward fail. */
export function headerValue(text: string, max = 1024): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
