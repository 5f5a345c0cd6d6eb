import { randomBytes } from 'node:crypto';

/**
 * A name no other test (or earlier run) uses: every integration test works in its own
 * keyspace, topics and key prefix, so tests run in parallel and leave nothing to collide with.
 */
export function uniqueName(prefix: string, sep = '_'): string {
  return `${prefix}${sep}${randomBytes(5).toString('hex')}`;
}
