import type { DeskCache } from '../../core/services/cache/desk-cache.js';
import type { AuditRecorder } from '../../core/audit/index.js';
import type { PersonReport, PhotoReport, ScanReport } from '../../core/import/report.js';
import { CheckRecords, deskNameIndex } from '../../core/services/duplicates/index.js';
import type { EnrollDuplicateDeps } from '../../core/services/enroll/enroll-service.js';
import type Database from 'better-sqlite3';
import { duplicateChoiceSchema, type DuplicateCandidate, type DuplicateChoice } from '../../shared/domain/duplicates.js';

export interface DuplicateFlags {
  readonly duplicateCheck?: string;
  readonly onDuplicate?: string;
  readonly duplicateNote?: string;
}

export interface DuplicatePlan {
  readonly enabled: boolean;
  readonly onDuplicate: 'skip' | 'add' | 'new';
  readonly note: string | null;
}

/** `--duplicate-check on|off` (default: the desk's setting), `--on-duplicate skip|add|new`, `--duplicate-note`. */
export function duplicatePlan(flags: DuplicateFlags, settingEnabled: boolean): DuplicatePlan | string {
  const check = flags.duplicateCheck;
  if (check !== undefined && check !== 'on' && check !== 'off') return `--duplicate-check takes on or off, not "${check}".`;
  const action = flags.onDuplicate ?? 'skip';
  if (action !== 'skip' && action !== 'add' && action !== 'new') return `--on-duplicate takes skip, add or new, not "${action}".`;
  const note = flags.duplicateNote?.trim() ?? null;
  if (action === 'new') {
    const parsed = duplicateChoiceSchema.safeParse({ action: 'new', note: note ?? '' });
    if (!parsed.success) return '--on-duplicate new needs --duplicate-note "<why these are new persons>" (3 to 500 characters, no names).';
  }
  return { enabled: check === undefined ? settingEnabled : check === 'on', onDuplicate: action, note };
}

/** The same choice for every person the 1:N check flagged: add to the best match, enroll as new, or skip. */
export function choicesFor(report: ScanReport, plan: DuplicatePlan): Record<string, DuplicateChoice> {
  const out: Record<string, DuplicateChoice> = {};
  for (const person of report.persons) {
    const best = person.possibleDuplicates?.[0];
    if (best === undefined) continue;
    if (plan.onDuplicate === 'add') out[person.key] = { action: 'add', personId: best.personId };
    else if (plan.onDuplicate === 'new') out[person.key] = { action: 'new', note: plan.note ?? '' };
    else out[person.key] = { action: 'skip' };
  }
  return out;
}

export interface DuplicateColumn {
  readonly personId: string;
  readonly name: string | null;
  readonly score: number | null;
  readonly via: DuplicateCandidate['via'];
}

const fullName = (c: DuplicateCandidate): string | null =>
  c.name === null ? null : [c.name.first, c.name.middle, c.name.last].filter((s) => s !== '').join(' ');

/** The `duplicate` column of `--json`: who this file's person may already be, or null. */
export function duplicateOf(person: PersonReport, photo: PhotoReport): DuplicateColumn | null {
  const candidates = person.possibleDuplicates ?? [];
  const found = candidates.find((c) => c.fileName === photo.fileName) ?? candidates.find((c) => c.via === 'name_index');
  return found === undefined ? null : { personId: found.personId, name: fullName(found), score: found.score, via: found.via };
}

/** The 1:N check as the CLI runs it: same records, audit and name index as the app, on the desk's database. */
export function cliDuplicateDeps(
  input: { readonly db: Database.Database; readonly audit: AuditRecorder; readonly cache: () => Promise<DeskCache>; readonly plan: DuplicatePlan },
  scope: { readonly server: string; readonly account: string } | null,
): EnrollDuplicateDeps {
  return {
    finder: { records: new CheckRecords(input.db), audit: input.audit, nameIndex: deskNameIndex(input.cache) },
    enabled: () => input.plan.enabled,
    scope: () => scope,
    onOverride: (targets, note) => input.audit.record({ action: 'duplicateOverridden', targets, outcome: 'done', note }),
  };
}
