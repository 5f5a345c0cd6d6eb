import { NotFoundError, ValidationError } from '@faultline/errors';
import fs from 'node:fs';
import path from 'node:path';
import type { ReportCard } from './report';
import { renderReportHtml } from './report-html';

const ID = /^[0-9]{8}-[0-9]{6}-[a-z0-9-]{1,60}-s[0-9]{1,10}$/;

export interface ReportSummary {
  id: string;
  name: string;
  title: string;
  seed: number;
  startedAt: string;
  verdict: string;
  auditVerdict: string;
}

/** Report cards on disk: <dir>/<id>/report.json, report.html and ops.jsonl. */
export class ReportStore {
  constructor(readonly dir: string) {}

  write(card: ReportCard, ops: readonly unknown[] = []): string {
    const folder = path.join(this.dir, card.id);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'report.json'), `${JSON.stringify(card, null, 2)}\n`);
    fs.writeFileSync(path.join(folder, 'report.html'), renderReportHtml(card));
    fs.writeFileSync(path.join(folder, 'ops.jsonl'), ops.map((o) => JSON.stringify(o)).join('\n'));
    return folder;
  }

  list(): ReportSummary[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((id) => ID.test(id) && fs.existsSync(path.join(this.dir, id, 'report.json')))
      .sort()
      .reverse()
      .flatMap((id) => {
        try {
          const c = this.read(id);
          return [
            {
              id,
              name: c.scenario.name,
              title: c.scenario.title,
              seed: c.seed,
              startedAt: c.startedAt,
              verdict: c.verdict,
              auditVerdict: c.audit?.verdict ?? 'NOT AUDITED',
            },
          ];
        } catch {
          return [];
        }
      });
  }

  read(id: string): ReportCard {
    return JSON.parse(fs.readFileSync(this.file(id, 'report.json'), 'utf8')) as ReportCard;
  }

  html(id: string): string {
    return fs.readFileSync(this.file(id, 'report.html'), 'utf8');
  }

  private file(id: string, name: string): string {
    if (!ID.test(id))
      throw new ValidationError(`not a report id: ${id.slice(0, 80)}`, {
        code: 'REPORT_ID_INVALID',
      });
    const f = path.join(this.dir, id, name);
    if (!fs.existsSync(f)) throw new NotFoundError(`no report ${id}`, { code: 'REPORT_NOT_FOUND' });
    return f;
  }
}
