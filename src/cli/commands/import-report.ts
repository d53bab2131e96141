import type { ScanReport } from '../../core/import/report.js';
import { describeCandidate } from '../../core/services/enroll/duplicate-decision.js';
import { duplicateOf, type DuplicateColumn } from './import-duplicates.js';
import type { PersonOutcome } from './import-outcomes.js';

/** Exit codes of `enroll-desk import`; the first that applies wins, in this order: usage, refused, queued. */
export const EXIT = { ok: 0, refused: 1, usage: 2, queued: 3 } as const;

type FileStatus = 'enrolled' | 'queued' | 'accepted' | 'refused' | 'duplicate' | 'skipped';

export interface FileResult {
  readonly path: string;
  readonly person: string | null;
  readonly status: FileStatus;
  readonly reason?: string;
  readonly message?: string;
  readonly sha256?: string;
  readonly personId?: string;
  /** Who the 1:N check thinks this file's person already is; null when nobody. */
  readonly duplicate: DuplicateColumn | null;
}

export interface ReportInput {
  readonly report: ScanReport;
  /** Null for a dry run. */
  readonly outcomes: readonly PersonOutcome[] | null;
  readonly allowDuplicates: boolean;
  readonly acceptingQuality: boolean;
}

export function exitCode(input: ReportInput, stoppedEarly: boolean): number {
  if (stoppedEarly) return EXIT.usage;
  const { report, outcomes } = input;
  const refused = outcomes?.some((o) => o.status === 'refused') ?? false;
  const flagged = !input.acceptingQuality && report.counts.flagged > 0;
  if (report.counts.photosRefused > 0 || report.problems.length > 0 || refused || flagged) return EXIT.refused;
  return outcomes?.some((o) => o.status === 'queued') ? EXIT.queued : EXIT.ok;
}

export function fileResults(input: ReportInput): FileResult[] {
  const byKey = new Map((input.outcomes ?? []).map((o) => [o.key, o]));
  const files: FileResult[] = [];
  for (const person of input.report.persons) {
    const outcome = byKey.get(person.key);
    for (const photo of person.photos) {
      const common = { path: photo.path, person: person.key, ...(photo.sha256 ? { sha256: photo.sha256 } : {}), duplicate: duplicateOf(person, photo) };
      const issue = photo.status === 'accepted' && !input.acceptingQuality ? photo.quality?.issues[0] : undefined;
      if (issue) {
        // Refused by the face-quality checks: --accept-quality-warnings "<note>" enrolls it.
        files.push({ ...common, status: 'refused', reason: `quality_${issue.code}`, message: photo.quality?.issues.map((i) => i.message).join(' ') ?? issue.message });
        continue;
      }
      const wanted = photo.status === 'accepted' || (input.allowDuplicates && photo.reason === 'already_enrolled');
      if (!wanted || !outcome) {
        files.push({ ...common, status: photo.status, ...(photo.reason ? { reason: photo.reason } : {}), ...(photo.message ? { message: photo.message } : {}) });
        continue;
      }
      files.push({
        ...common,
        status: outcome.status,
        ...(outcome.personId ? { personId: outcome.personId } : {}),
        ...(outcome.reason ? { message: outcome.reason } : {}),
      });
    }
  }
  for (const stray of input.report.refused) files.push({ path: stray.path, person: null, status: 'refused', reason: stray.reason, message: stray.message, duplicate: null });
  return files;
}

export function personCounts(outcomes: readonly PersonOutcome[]): Record<PersonOutcome['status'], number> {
  const counts = { enrolled: 0, queued: 0, refused: 0, skipped: 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return counts;
}

export function summaryTable(input: ReportInput, files: readonly FileResult[], alias: string): string {
  const { report, outcomes } = input;
  const c = report.counts;
  const rows: [string, number][] = [
    ['persons found', c.persons],
    ['photos accepted', c.photosAccepted],
    ['files refused', c.photosRefused],
    ['duplicates skipped', c.duplicates],
    ['flagged by quality', c.flagged],
    ['possible duplicates', report.persons.filter((p) => (p.possibleDuplicates?.length ?? 0) > 0).length],
    ['problems', report.problems.length],
  ];
  if (outcomes) {
    const n = personCounts(outcomes);
    rows.push(['persons enrolled', n.enrolled], ['persons still queued', n.queued], ['persons refused', n.refused], ['persons skipped', n.skipped]);
  }
  const lines = [`${outcomes ? 'Import' : 'Dry run'} of ${report.root} into "${alias}"`, ...rows.map(([k, v]) => `  ${k.padEnd(20)} ${String(v).padStart(7)}`)];
  const notable = files.filter((f) => f.status === 'refused');
  if (notable.length > 0) lines.push('', 'Not imported:', ...notable.map((f) => `  ${f.path}: ${f.message ?? f.reason ?? f.status}`));
  for (const p of report.problems) lines.push(`  ${p.path}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`);
  lines.push(...duplicateLines(report));
  const waiting = (outcomes ?? []).filter((o) => o.status === 'queued');
  if (waiting.length > 0) lines.push('', 'Still queued:', ...waiting.map((o) => `  ${o.key}: ${o.reason ?? 'waiting to be sent.'}`));
  return `${lines.join('\n')}\n`;
}

/** The 1:N check's verdict in words: who each flagged person may be, or why the check was not done. */
function duplicateLines(report: ScanReport): string[] {
  const check = report.duplicateCheck;
  if (check === undefined) return [];
  const lines = check.message === null ? [] : ['', check.message];
  const flagged = report.persons.filter((p) => (p.possibleDuplicates?.length ?? 0) > 0);
  if (flagged.length > 0) lines.push('', 'Possible duplicates (--on-duplicate skip|add|new decides):');
  for (const person of flagged) {
    const best = person.possibleDuplicates?.[0];
    if (best !== undefined) lines.push(`  ${person.key}: possible duplicate of ${describeCandidate(best)}`);
  }
  return lines;
}
