import { z } from 'zod';
import { faultSpecSchema, toggleNames, type Fault, type ToggleState } from './model';

const stamp = z.object({
  id: z.string().min(1),
  setBy: z.string(),
  setAt: z.string(),
  expiresAt: z.string().optional(),
});

const toggleSchema = z.object({
  name: z.enum(toggleNames),
  on: z.boolean(),
  setBy: z.string(),
  setAt: z.string(),
});

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Entries that do not parse are ignored: a bad entry must not disable the valid ones. */
export function parseFaults(hash: Record<string, string>): Fault[] {
  const out: Fault[] = [];
  for (const text of Object.values(hash)) {
    const raw = json(text);
    const meta = stamp.safeParse(raw);
    if (!meta.success) continue;
    // The spec schema is strict (it guards the API), so parse it without the stamp fields.
    const {
      id: _id,
      setBy: _by,
      setAt: _at,
      expiresAt: _exp,
      ...specFields
    } = raw as Record<string, unknown>;
    const spec = faultSpecSchema.safeParse(specFields);
    if (spec.success) out.push({ ...spec.data, ...meta.data } as Fault);
  }
  return out.sort((a, b) => a.setAt.localeCompare(b.setAt));
}

export function parseToggles(hash: Record<string, string>): ToggleState[] {
  return Object.values(hash).flatMap((text) => {
    const t = toggleSchema.safeParse(json(text));
    return t.success ? [t.data] : [];
  });
}
