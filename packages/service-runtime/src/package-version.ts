import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const pkgSchema = z.object({ version: z.string().min(1) });

/**
 * The version of the package a module belongs to: the nearest package.json above it.
 * A service passes `import.meta.url`, so its registry entry names its own version.
 */
export function packageVersion(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = pkgSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return pkg.success ? pkg.data.version : 'unknown';
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
