// Regenerates src/generated from schemas/ with protobufjs-cli (pure JavaScript, no protoc).
// Generated files are never edited by hand: change a .proto and run `npm run proto:gen`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'src', 'generated');
const schemas = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.proto')) schemas.push(path.relative(root, p));
  }
})(path.join(root, 'schemas'));
schemas.sort();

fs.mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const pick = (name) =>
  fs.existsSync(bin(name)) ? bin(name) : path.join(root, '..', 'node_modules', '.bin', name);
const js = path.join(out, 'messages.js');
execFileSync(
  pick('pbjs'),
  [
    '-t',
    'static-module',
    '-w',
    'es6',
    '--es6',
    '--force-long',
    '--no-verify',
    '-p',
    'schemas',
    '-o',
    js,
    ...schemas,
  ],
  { cwd: root, stdio: 'inherit' },
);
// pbjs writes an import that Node's ESM resolver needs with its extension.
fs.writeFileSync(
  js,
  fs.readFileSync(js, 'utf8').replace('from "protobufjs/minimal"', 'from "protobufjs/minimal.js"'),
);
execFileSync(pick('pbts'), ['--no-comments', '-o', path.join(out, 'messages.d.ts'), js], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`generated ${path.relative(root, out)} from ${schemas.length} schema file(s)`);
