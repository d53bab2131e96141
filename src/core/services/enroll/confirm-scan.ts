import { randomUUID } from 'node:crypto';
import type { ConsentTerms } from '../../../shared/domain/consent.js';
import type { DuplicateChoice } from '../../../shared/domain/duplicates.js';
import type { PersonResult } from '../../../shared/domain/enroll.js';
import { codesNeedingOverride, isQualityAccepted } from '../../../shared/domain/quality-acceptance.js';
import type { QualityOverride } from '../../../shared/domain/quality.js';
import type { OzTag } from '../../../shared/domain/tags.js';
import { toAppError } from '../../errors/to-app-error.js';
import type { PhotoProcessor } from '../../images/photo-processor.js';
import type { PersonReport, PhotoReport } from '../../import/report.js';
import type { StagedPhoto } from '../../queue/index.js';
import { cropToFace } from '../../quality/index.js';
import { decideDuplicate, type DuplicateDecision } from './duplicate-decision.js';
import type { QualityOverrideRecord } from './enrollment-meta.js';
import type { EnrollmentSink, StagedEnrollment, StagedEnrollmentPhoto, StagedSubmitResult } from './enrollment-sink.js';
import { sourceChange } from './source-check.js';

export const NOT_STAGED = "the dry run's copy of this photo is gone (the dry run was cancelled, replaced or expired); scan again.";

/** What confirm needs of the dry run: its report, and the photos it staged by source path. */
export interface StagedScan {
  readonly collectionId: string;
  readonly report: { readonly persons: readonly PersonReport[] };
  readonly staged: ReadonlyMap<string, StagedPhoto>;
}

/** The operator's choices that shape each person (see ImportSelection). */
export interface ConfirmSelection {
  readonly tagOverrides?: Readonly<Record<string, readonly OzTag[]>>;
  readonly allowDuplicates?: boolean;
  readonly qualityOverrides?: Readonly<Record<string, QualityOverride>>;
  readonly keepLargestFace?: readonly string[];
  readonly duplicateChoices?: Readonly<Record<string, DuplicateChoice>>;
}

export interface ConfirmContext {
  readonly sink: EnrollmentSink;
  /** For "Keep the largest face": the crop is made now, from the staged photo. */
  readonly photos: PhotoProcessor;
  readonly terms: ConsentTerms;
  meta(enrollmentId: string, person: PersonReport, overrides: readonly QualityOverrideRecord[]): Readonly<Record<string, unknown>>;
  /** The person a photo of this import already belongs to (resuming). */
  knownPerson(sha256: string): string | null;
  /** After queueing: the audit entries of the quality overrides and the 1:N override. */
  queued(enrollmentId: string, overrides: readonly QualityOverrideRecord[], decision: Proceed): void;
  readonly signal?: AbortSignal | undefined;
  readonly onThumbnail?: ((sha256: string, thumbnail: Buffer) => void) | undefined;
}

type SentPhoto = PersonResult['photos'][number];
type Proceed = Extract<DuplicateDecision, { readonly kind: 'proceed' }>;

/** A photo checked and ready: its staged copy, or the crop made now. */
type ReadyPhoto = ({ readonly stagedId: string } | { readonly jpeg: Uint8Array }) & { readonly sha256: string; readonly thumbnail?: Buffer };

/** A person ready for the one transaction, or already decided. */
export type PreparedPerson =
  | { readonly kind: 'decided'; readonly result: PersonResult }
  | {
      readonly kind: 'queue';
      readonly person: PersonReport;
      readonly enrollment: StagedEnrollment;
      readonly sent: readonly SentPhoto[];
      readonly overrides: readonly QualityOverrideRecord[];
      readonly decision: Proceed;
      readonly problems: readonly string[];
    };

export function base(person: PersonReport, status: PersonResult['status'], message: string | null): PersonResult {
  return { key: person.key, name: person.name, status, enrollmentId: null, personId: null, itemId: null, photos: [], message };
}

/** The staged photo, checked against its file, or why not; "Keep the largest face" crops it now. */
async function preparePhoto(ctx: ConfirmContext, scan: StagedScan, photo: PhotoReport, keepLargest: boolean): Promise<ReadyPhoto | string> {
  const staged = scan.staged.get(photo.path);
  if (staged === undefined || staged.sha256 !== photo.sha256) return NOT_STAGED;
  const changed = await sourceChange(photo.path, staged.source);
  if (changed !== null) return changed;
  const face = photo.quality?.face;
  if (!keepLargest || !face) return { stagedId: staged.stagedId, sha256: staged.sha256 };
  const crop = await cropToFace(ctx.sink.staging.read(staged.stagedId), face.box);
  const cropped = await ctx.photos.process({ bytes: crop.jpeg }, ctx.signal);
  if (!cropped.ok) return `the crop to the largest face was refused: ${cropped.message}`;
  return { jpeg: cropped.jpeg, sha256: cropped.sha256, ...(cropped.thumbnail ? { thumbnail: cropped.thumbnail } : {}) };
}

function whyNothing(person: PersonReport, held: readonly string[]): string {
  if (held.length > 0) return `No photo passed the quality check; accept one with a note to enroll this person. ${held.join(' ')}`;
  return person.photos.some((p) => p.status === 'duplicate') ? 'All photos are already enrolled.' : 'No usable photo.';
}

/** One person's photos and choices, as the per-person path judged them; nothing is queued yet. */
export async function preparePerson(ctx: ConfirmContext, scan: StagedScan, person: PersonReport, selection: ConfirmSelection): Promise<PreparedPerson> {
  const allow = selection.allowDuplicates === true;
  const decision: DuplicateDecision = allow ? { kind: 'proceed', addTo: null, override: null } : decideDuplicate(person.possibleDuplicates ?? [], selection.duplicateChoices?.[person.key]);
  if (decision.kind === 'skip') return { kind: 'decided', result: base(person, 'skipped', decision.message) };
  const keepLargest = new Set(selection.keepLargestFace ?? []);
  const overrideOf = (p: PhotoReport): QualityOverride | undefined => selection.qualityOverrides?.[p.path];
  const candidates = person.photos.filter((p) => p.status === 'accepted' || (allow && p.status === 'duplicate' && p.reason !== 'duplicate_in_batch'));
  // A flagged photo is enrolled only when the operator accepted it (with a note) or cropped it to one face.
  const wanted = candidates.filter((p) => isQualityAccepted(p.quality, overrideOf(p), keepLargest.has(p.path)));
  const held = candidates.filter((p) => !wanted.includes(p)).map((p) => `${p.fileName}: not enrolled, flagged by the quality check (${p.quality?.issues[0]?.message ?? 'quality'}).`);
  // Resuming: photos of this person already enrolled pin the person the rest is added to.
  const target = allow
    ? null
    : (decision.addTo ?? person.photos
        .filter((p) => p.reason === 'already_enrolled' && p.sha256 !== undefined)
        .map((p) => ctx.knownPerson(p.sha256 ?? ''))
        .find((id): id is string => id !== null) ?? null);
  if (wanted.length === 0) return { kind: 'decided', result: { ...base(person, 'skipped', whyNothing(person, held)), personId: target } };
  const problems: string[] = [...held];
  const prepared = await Promise.all(wanted.map((p) => preparePhoto(ctx, scan, p, keepLargest.has(p.path))));
  const photos: StagedEnrollmentPhoto[] = [];
  const sent: SentPhoto[] = [];
  const overrides: QualityOverrideRecord[] = [];
  for (const [i, p] of wanted.entries()) {
    const ready = prepared[i];
    if (ready === undefined || typeof ready === 'string') {
      problems.push(`${p.fileName}: ${ready ?? NOT_STAGED}`);
      continue;
    }
    const tags = selection.tagOverrides?.[p.path] ?? p.tags;
    const { thumbnail, ...photo } = ready;
    photos.push({ ...photo, tags });
    sent.push({ fileName: p.fileName, sha256: ready.sha256, tags });
    if (thumbnail) ctx.onThumbnail?.(ready.sha256, thumbnail);
    const override = overrideOf(p);
    const needed = codesNeedingOverride(p.quality, keepLargest.has(p.path));
    if (override && needed.length > 0) overrides.push({ sha256: ready.sha256, codes: needed, note: override.note });
  }
  if (photos.length === 0) return { kind: 'decided', result: { ...base(person, 'failed', problems.join(' ')), personId: target } };
  const enrollmentId = randomUUID();
  const enrollment: StagedEnrollment = {
    enrollmentId,
    collectionId: scan.collectionId,
    metaData: ctx.meta(enrollmentId, person, overrides),
    photos,
    ...(target === null ? {} : { targetPersonId: target }),
  };
  return { kind: 'queue', person, enrollment, sent, overrides, decision, problems };
}

/** The person's result once the transaction answered (or failed for everyone). */
export function settlePerson(ctx: ConfirmContext, prepared: Extract<PreparedPerson, { kind: 'queue' }>, answer: StagedSubmitResult | { readonly error: unknown }): PersonResult {
  const { person, enrollment, sent } = prepared;
  const missing = 'missing' in answer ? new Set(answer.missing) : new Set<string>();
  const problems = [...prepared.problems, ...sent.filter((p) => missing.has(p.sha256)).map((p) => `${p.fileName}: ${NOT_STAGED}`)];
  const message = problems.length > 0 ? problems.join(' ') : null;
  const target = enrollment.targetPersonId ?? null;
  const submitted = 'submitted' in answer ? answer.submitted : null;
  if (submitted === null) {
    const error = answer.error === undefined ? null : toAppError(answer.error).message;
    return { ...base(person, 'failed', [error, message].filter((m) => m !== null).join(' ')), enrollmentId: error === null ? null : enrollment.enrollmentId, personId: target };
  }
  const overrides = prepared.overrides.filter((o) => !missing.has(o.sha256));
  ctx.queued(enrollment.enrollmentId, overrides, prepared.decision);
  return {
    ...base(person, submitted.status, message),
    enrollmentId: enrollment.enrollmentId,
    personId: submitted.status === 'enrolled' ? submitted.personId : null,
    itemId: submitted.status === 'queued' ? submitted.itemId : null,
    photos: sent.filter((p) => !missing.has(p.sha256)),
  };
}
