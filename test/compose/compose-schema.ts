import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './compose-model';

/** The vendored Compose Specification schema (see compose-spec/README.md). */
export const schemaFile = path.join(repoRoot, 'test/compose/compose-spec/compose-spec.json');

interface AjvError {
  instancePath: string;
  message?: string;
  params?: unknown;
}
interface Validate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvLike {
  compile(schema: object): Validate;
}

// ajv 8 is a dev dependency of @faultline/chaos: the root node_modules holds eslint's ajv 6,
// so it is resolved from the chaos workspace. (A root devDependency would make this a plain
// import.)
const requireFromChaos = createRequire(path.join(repoRoot, 'chaos/package.json'));
const Ajv = (requireFromChaos('ajv') as { default: new (o: object) => AjvLike }).default;

export function schemaDigest(): string {
  const canonical = JSON.stringify(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  return createHash('sha256').update(canonical).digest('hex');
}

let compiled: Validate | undefined;

/** Validates a parsed compose document; returns one line per schema violation. */
export function validateCompose(doc: unknown): string[] {
  if (!compiled) {
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    // The file declares draft-07 by an https URL that ajv does not know by that spelling;
    // ajv's default dialect is draft-07 already.
    delete schema.$schema;
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (compiled(doc)) return [];
  return (compiled.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params ?? {})}`,
  );
}
