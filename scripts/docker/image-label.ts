import { createHash } from 'node:crypto';
import { run } from './run';

/** The label that records what an image was built from: same hash, no rebuild. */
export const HASH_LABEL = 'dev.faultline.source-hash';

export function contentHash(parts: readonly (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** The source hash an existing image carries, or undefined when the image does not exist. */
export async function builtHash(tag: string): Promise<string | undefined> {
  try {
    const out = await run(
      'docker',
      ['image', 'inspect', '--format', `{{ index .Config.Labels "${HASH_LABEL}" }}`, tag],
      { quiet: true },
    );
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}
