import fs from 'node:fs';
import path from 'node:path';
import type { ProcRecord } from './proc';

/** Pid records live beside each profile's data: <state>/<profile>/run/<node>.json. */
export class RecordStore {
  constructor(readonly dir: string) {}

  private file(node: string): string {
    return path.join(this.dir, `${node}.json`);
  }

  read(node: string): ProcRecord | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.file(node), 'utf8')) as ProcRecord;
    } catch {
      return undefined;
    }
  }

  write(rec: ProcRecord): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.file(rec.node)}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(rec, null, 2));
    fs.renameSync(tmp, this.file(rec.node));
  }

  remove(node: string): void {
    fs.rmSync(this.file(node), { force: true });
  }
}
