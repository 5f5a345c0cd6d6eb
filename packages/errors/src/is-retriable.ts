import { FaultlineError } from './faultline-error';

/**
 * Programmer errors: a retry runs the same buggy code on the same input and fails the same
 * way, so retrying them in a loop only hides the bug and delays the dead letter.
 */
const programmerErrors = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/** Socket-level failures: the peer may be back in a moment. */
const transientSystemCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** cassandra-driver errors whose operation may succeed when retried. */
const transientCassandraNames = new Set([
  'NoHostAvailableError',
  'OperationTimedOutError',
  'BusyConnectionError',
]);

/**
 * cassandra-driver ResponseError codes meaning "not now" rather than "never": unavailable,
 * overloaded, bootstrapping, write/read timeouts and failures. A timed-out LWT may or may not
 * have applied; retrying is still right because every handler is idempotent.
 */
const transientCassandraCodes = new Set([0x1000, 0x1001, 0x1002, 0x1100, 0x1200, 0x1300, 0x1500]);

function field(err: object, key: string): unknown {
  return (err as Record<string, unknown>)[key];
}

/**
 * True only when retrying the same work later can succeed: a FaultlineError marked
 * retriable, or a known transient driver or socket error. Anything unknown is not retriable,
 * so it reaches the dead-letter topic (where a human sees it) instead of looping.
 */
export function isRetriable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  if (programmerErrors.some((cls) => err instanceof cls)) return false;
  if (err instanceof FaultlineError) return err.retriable;

  const name = field(err, 'name');
  const code = field(err, 'code');
  // cassandra-driver: the connection died under the request ("Socket was closed", a node
  // killed mid-query). The driver does not retry non-idempotent queries (LWTs) itself; the
  // write may or may not have applied, and every handler is idempotent, so retry it. Measured
  // in kill-cassandra-node-cluster: classed as permanent, these went to the dead-letter topic.
  if (field(err, 'isSocketError') === true) return true;
  if (typeof name === 'string') {
    if (transientCassandraNames.has(name)) return true;
    if (name === 'ResponseError')
      return typeof code === 'number' && transientCassandraCodes.has(code);
    // kafkajs gave up retrying a transient failure (broker down): still transient for us.
    if (name === 'KafkaJSNumberOfRetriesExceeded') return isRetriable(field(err, 'cause'));
    if (name.startsWith('KafkaJS')) return field(err, 'retriable') === true;
    // ioredis gave up on a command while disconnected.
    if (name === 'MaxRetriesPerRequestError') return true;
  }
  return typeof code === 'string' && transientSystemCodes.has(code);
}
