import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import sharp from 'sharp';
import { consentProblem, type ConsentConfirmation, type ConsentTerms } from '../../../shared/domain/consent.js';
import type { DeskScope } from '../../../shared/domain/desk-scope.js';
import type { DuplicateChoice, PersonDuplicateCheck, SamePhoto } from '../../../shared/domain/duplicates.js';
import type { Capture, ImportOutcome, PersonResult } from '../../../shared/domain/enroll.js';
import { codesNeedingOverride, isQualityAccepted } from '../../../shared/domain/quality-acceptance.js';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import type { PhotoQuality, QualityOverride } from '../../../shared/domain/quality.js';
import { defaultTagsFor, type OzTag } from '../../../shared/domain/tags.js';
import { AppFailure } from '../../errors/app-failure.js';
import { toAppError } from '../../errors/to-app-error.js';
import type { PhotoProcessor } from '../../images/photo-processor.js';
import type { ProcessedPhoto } from '../../images/process-photo.js';
import type { PersonReport, PhotoReport, ScanProgress, ScanReport } from '../../import/report.js';
import type { StagedPhoto, StagingOwner } from '../../queue/index.js';
import { scanFolder, type KnownHash } from '../../import/scan-folder.js';
import type { OzClient } from '../../oz/index.js';
import { retryTransient } from '../../queue/retry-transient.js';
import { assessPixels, toPhotoQuality, type FaceDetector } from '../../quality/index.js';
import { findDuplicates, type CheckMode, type CheckScope, type DuplicateFinderDeps } from '../duplicates/index.js';
import { CaptureStore } from './capture-store.js';
import { base, preparePerson, settlePerson, type ConfirmContext, type PreparedPerson } from './confirm-scan.js';
import { decideDuplicate, type DuplicateDecision } from './duplicate-decision.js';
import { checkOnePerson, PersonChecks } from './person-checks.js';
import { EnrolledCheck } from './enrolled-check.js';
import { EnrolledPhotos } from './enrolled-photos.js';
import { enrollmentMetaData, type EnrollmentSource, type QualityOverrideRecord } from './enrollment-meta.js';
import type { EnrollmentPhoto, EnrollmentSink } from './enrollment-sink.js';
import { importOutcomeOf } from './import-outcome.js';
import { indexServerPhotos, type ServerPhotoIndex } from './server-photo-index.js';
import { fingerprintOf } from './source-check.js';

export interface EnrollServiceDeps {
  readonly db: Database.Database;
  readonly photos: PhotoProcessor;
  /** The signed-in client; throws NOT_SIGNED_IN otherwise. */
  readonly client: () => OzClient;
  readonly deskName: () => string;
  /** The signed-in operator's e-mail. */
  readonly operator: () => string;
  /** The server and account this desk's work is made for (the signed-in one, or the last): its enrolled-photo record. */
  readonly scope: () => DeskScope | null;
  readonly consentTerms: () => ConsentTerms;
  /** The one write path: the durable queue, which the sync worker sends (design §4). */
  readonly sink: EnrollmentSink;
  /** How long the server reads of a dry run (its listing, "still enrolled?" checks) retry transient errors (default 20 s). */
  readonly readRetryBudgetMs?: number;
  readonly now?: () => Date;
  /** Face-quality checks for dry runs and webcam captures; without it photos carry no verdict. */
  readonly detector?: FaceDetector;
  /** The thresholds in force (settings may change them); the defaults otherwise. */
  readonly thresholds?: () => QualityThresholds;
  /** Called once per accepted flagged photo of an enrollment that was sent or queued (the audit log). */
  readonly onQualityOverride?: (targets: { readonly collectionId: string; readonly enrollmentId: string }, override: QualityOverride) => void;
  /** Whether a photo waits in the offline queue for this collection (the dry run reports it as already queued). */
  readonly isQueued?: (collectionId: string, sha256: string) => boolean;
  /** The 1:N duplicate check of dry runs; without it only hashes are compared. */
  readonly duplicates?: EnrollDuplicateDeps;
  /** Main's one connectivity state: false while the server is known unreachable, so nothing awaits it before queueing. */
  readonly reachable?: () => boolean;
  /** Whose staged photos the dry runs make (default 'app'): each owner purges its own. */
  readonly stagingOwner?: StagingOwner;
}

/** How long the form's and webcam's "still enrolled?" question waits for an answer: queueing never waits for a network timeout. */
const ENROLL_CHECK_ANSWER_MS = 2_000;

export interface EnrollDuplicateDeps {
  readonly finder: DuplicateFinderDeps;
  /** False when the setting (or a policy) turned the 1:N check off. */
  readonly enabled: () => boolean;
  /** The signed-in server and account, or null. */
  readonly scope: () => CheckScope | null;
  /** A flagged person enrolled as a new person anyway, with the operator's note (the audit log). */
  readonly onOverride?: (targets: { readonly collectionId: string; readonly enrollmentId: string; readonly personId: string }, note: string) => void;
}

export interface ScanInput {
  readonly path: string;
  readonly manifestPath?: string | undefined;
  readonly collectionId: string;
  /** The dry run's id, which its staged photos carry (default: a new one). */
  readonly sessionId?: string;
  /** False: keep no photos (a dry run that will never be confirmed, e.g. CLI --dry-run). */
  readonly stage?: boolean;
}

/** A dry run together with what it knew about photos already on the server. */
export interface ScanOutcome {
  readonly collectionId: string;
  readonly report: ScanReport;
  readonly server: ServerPhotoIndex;
  /** Null when the server could be listed; otherwise why not (the desk's own record was used). */
  readonly serverCheckError: string | null;
  /** The dry run's id (its staged photos carry it). */
  readonly sessionId: string;
  /** Photos kept for confirm, encrypted in the queue's blob store, by source path. */
  readonly staged: ReadonlyMap<string, StagedPhoto>;
}

export interface ImportSelection {
  /** Person keys the operator unticked. */
  readonly excluded?: readonly string[];
  /** Tags chosen by the operator, by photo path. */
  readonly tagOverrides?: Readonly<Record<string, readonly OzTag[]>>;
  readonly consent: ConsentConfirmation | undefined;
  /** Enroll photos the desk or the server already holds, as new persons (CLI --allow-duplicates). */
  readonly allowDuplicates?: boolean;
  /** Flagged photos accepted anyway, with the operator's note, by photo path. */
  readonly qualityOverrides?: Readonly<Record<string, QualityOverride>>;
  /** Group photos (by path) cropped to their largest face before enrolling. */
  readonly keepLargestFace?: readonly string[];
  /** For persons the 1:N check flagged, by person key; a flagged person without a choice is not enrolled. */
  readonly duplicateChoices?: Readonly<Record<string, DuplicateChoice>>;
}

export interface ImportHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly current?: string }) => void;
  readonly onPerson?: (result: PersonResult) => void;
  /** Thumbnails of enrolled photos, by hash, for the screen's results list. */
  readonly onThumbnail?: (sha256: string, thumbnail: Buffer) => void;
}

export interface EnrollPersonRequest {
  readonly collectionId: string;
  readonly name: { readonly first: string; readonly middle: string; readonly last: string };
  readonly externalId?: string | undefined;
  readonly source: 'webcam' | 'form';
  readonly photos: readonly (
    | { readonly captureId: string; readonly tags: readonly OzTag[]; readonly qualityOverride?: QualityOverride | undefined }
    | { readonly dataBase64: string; readonly fileName: string; readonly tags: readonly OzTag[] }
  )[];
  readonly consent: ConsentConfirmation | undefined;
  /** The operator's choice for a person the 1:N check flagged (see `checkPerson`). */
  readonly duplicate?: { readonly checkId: string; readonly choice: DuplicateChoice } | undefined;
}

type RequestPhoto = { readonly captureId: string } | { readonly dataBase64: string; readonly fileName: string };

export interface CheckPersonRequest {
  readonly collectionId: string;
  readonly name: { readonly first: string; readonly middle: string; readonly last: string };
  readonly photos: readonly RequestPhoto[];
}

const displayName = (n: PersonReport['name']): string => [n.first, n.middle, n.last].filter((s) => s !== '').join(' ');

/**
 * Enrollment use cases shared by the desktop app, browser mode and the CLI: the dry run
 * of a folder, the enrollment of its selected persons, and one person from the webcam or
 * a form. Every path records consent and the photos it sent.
 */
export class EnrollService {
  readonly enrolled: EnrolledPhotos;
  readonly captures = new CaptureStore();
  readonly #personChecks = new PersonChecks();
  readonly #sink: EnrollmentSink;
  readonly #now: () => Date;

  constructor(private readonly deps: EnrollServiceDeps) {
    this.enrolled = new EnrolledPhotos(deps.db, deps.scope);
    this.#sink = deps.sink;
    this.#now = deps.now ?? (() => new Date());
  }

  /**
   * The dry run. With `onPerson` (only where no 1:N check must decide first), each person is
   * also handed over as a one-person outcome, in file order, as soon as their photos are
   * decided, so a caller can confirm them while later photos are still being processed.
   */
  async scan(
    input: ScanInput,
    opts: { readonly signal?: AbortSignal; readonly onProgress?: (p: ScanProgress) => void; readonly onPerson?: (one: ScanOutcome) => Promise<void> } = {},
  ): Promise<ScanOutcome> {
    let server: ServerPhotoIndex = new Map();
    let serverCheckError: string | null = null;
    const call = opts.signal ? { signal: opts.signal } : {};
    try {
      server = await retryTransient(() => indexServerPhotos(this.deps.client(), input.collectionId, call), { budgetMs: this.#readBudget(), ...call });
    } catch (err) {
      serverCheckError = toAppError(err).message;
    }
    const check = this.#check(input.collectionId);
    const { onPerson } = opts;
    const sessionId = input.sessionId ?? randomUUID();
    const staged = new Map<string, StagedPhoto>();
    try {
      const report = await scanFolder(input.path, {
        processor: this.deps.photos,
        ...(input.manifestPath ? { manifest: input.manifestPath } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        isKnownHash: (sha) => this.#known(input.collectionId, sha, server, check),
        ...(this.deps.detector ? { detector: this.deps.detector, thresholds: this.#thresholds() } : {}),
        ...(input.stage === false ? {} : { stage: (path, processed) => this.#stage(sessionId, staged, path, processed) }),
        ...(onPerson ? { onPerson: (person: PersonReport) => onPerson({ collectionId: input.collectionId, report: onePersonReport(input, person), server, serverCheckError, sessionId, staged }) } : {}),
      });
      this.#unstageCopies(report, staged);
      const checked = await this.#checkDuplicates(input.collectionId, report, serverCheckError === null, staged, opts);
      return { collectionId: input.collectionId, report: checked, server, serverCheckError, sessionId, staged };
    } catch (err) {
      this.#sink.staging.discardSession(sessionId);
      throw err;
    }
  }

  /** Keeps a processed photo for confirm; the fingerprint lets confirm notice a changed file. */
  async #stage(sessionId: string, staged: Map<string, StagedPhoto>, path: string, processed: ProcessedPhoto): Promise<void> {
    const { mtimeMs } = processed.source;
    // The pipeline's own read of the file; only bytes from memory lack a file time.
    const source = mtimeMs === null ? await fingerprintOf(path) : { ...processed.source, mtimeMs };
    const owner = this.deps.stagingOwner ?? 'app';
    staged.set(path, await this.#sink.staging.stage({ sessionId, owner, jpeg: processed.jpeg, sha256: processed.sha256, source }));
  }

  /** A second copy of a photo in the same import is never enrolled: its staged copy goes now. */
  #unstageCopies(report: ScanReport, staged: Map<string, StagedPhoto>): void {
    const copies = report.persons.flatMap((p) => p.photos).filter((p) => p.reason === 'duplicate_in_batch');
    const ids = copies.map((p) => staged.get(p.path)?.stagedId).filter((id): id is string => id !== undefined);
    this.#sink.staging.discard(ids);
    for (const p of copies) staged.delete(p.path);
  }

  /** Forgets the dry run's staged photos (cancelled, replaced, or the CLI run is over). */
  discardStaging(scan: Pick<ScanOutcome, 'sessionId'>): number {
    return this.#sink.staging.discardSession(scan.sessionId);
  }

  /** The 1:N check over the accepted photos, exactly as they would be enrolled (the staged copy, else processed again). */
  async #checkDuplicates(
    collectionId: string,
    report: ScanReport,
    reachable: boolean,
    staged: ReadonlyMap<string, StagedPhoto>,
    opts: { readonly signal?: AbortSignal; readonly onProgress?: (p: ScanProgress) => void },
  ): Promise<ScanReport> {
    const dup = this.deps.duplicates;
    if (dup === undefined || report.cancelled) return report;
    const mode = this.#checkMode(dup, reachable);
    return findDuplicates(
      report,
      {
        collectionId,
        mode,
        load: async (photo, signal) => {
          const kept = staged.get(photo.path);
          if (kept !== undefined) return { jpeg: this.#sink.staging.read(kept.stagedId), sha256: kept.sha256 };
          const result = await this.deps.photos.process({ path: photo.path }, signal, { thumbnail: false, ...(photo.crop ? { crop: photo.crop } : {}) });
          return result.ok ? { jpeg: result.jpeg, sha256: result.sha256 } : null;
        },
        ...(opts.signal ? { signal: opts.signal } : {}),
        onProgress: (p) => opts.onProgress?.({ phase: 'checking', ...p }),
      },
      dup.finder,
    );
  }

  #checkMode(dup: EnrollDuplicateDeps, reachable: boolean): CheckMode {
    if (!dup.enabled()) return { kind: 'off' };
    const scope = dup.scope();
    if (!reachable || scope === null) return { kind: 'offline' };
    try {
      return { kind: 'online', client: this.deps.client(), scope };
    } catch {
      return { kind: 'offline' };
    }
  }

  /**
   * The form's and webcam's 1:N check before "Enroll": the dry run's check for one person
   * (offline, the desk's hash and name index). Kept in main, so the choice is judged against it.
   */
  async checkPerson(request: CheckPersonRequest): Promise<PersonDuplicateCheck> {
    const photos = await Promise.all(request.photos.map(async (p, i) => (await this.#heldPhoto(p, i)).photo));
    const samePhotos = await this.#samePhotos(request.collectionId, photos);
    const dup = this.deps.duplicates;
    const { summary, candidates } =
      dup === undefined
        ? { summary: { state: 'off' as const, checked: 0, failed: 0, cleanupPending: 0, message: null }, candidates: [] }
        : await checkOnePerson({ collectionId: request.collectionId, name: request.name, photos, mode: this.#checkMode(dup, this.deps.reachable?.() ?? true) }, dup.finder);
    const checkId = this.#personChecks.put({ collectionId: request.collectionId, hashes: photos.map((p) => p.sha256), candidates });
    return { checkId, summary, candidates, samePhotos };
  }

  /** Photos the desk already enrolled (confirmed with the server when it answers) or queued, by hash. */
  async #samePhotos(collectionId: string, photos: readonly ProcessedPhoto[]): Promise<readonly SamePhoto[]> {
    const check = this.#check(collectionId);
    const found: SamePhoto[] = [];
    for (const [i, p] of photos.entries()) {
      const recorded = this.enrolled.find(collectionId, p.sha256);
      if (recorded !== null && (await check.isEnrolled(p.sha256))) found.push({ photo: i + 1, reason: 'already_enrolled', personId: recorded.personId });
      else if (this.deps.isQueued?.(collectionId, p.sha256)) found.push({ photo: i + 1, reason: 'already_queued', personId: null });
    }
    return found;
  }

  /** A capture held in main, or bytes the form sent, through the one pipeline. */
  async #heldPhoto(photo: RequestPhoto, index: number): Promise<{ readonly photo: ProcessedPhoto; readonly quality: PhotoQuality | null }> {
    if (!('captureId' in photo)) return { photo: await this.#processBytes(Buffer.from(photo.dataBase64, 'base64'), `photo ${index + 1}`), quality: null };
    const held = this.captures.get(photo.captureId);
    if (held === null) throw new AppFailure('NOT_FOUND', `Photo ${index + 1} is no longer held by the desk: capture it again.`);
    return held;
  }

  /** What the operator's choice (or its absence) means for a form or webcam person some check flagged. */
  #personDecision(request: EnrollPersonRequest, hashes: readonly string[]): DuplicateDecision {
    const chosen = request.duplicate;
    const held = chosen ? this.#personChecks.get(chosen.checkId) : this.#personChecks.flagging(request.collectionId, hashes);
    if (chosen && (held === null || held.collectionId !== request.collectionId)) {
      throw new AppFailure('NOT_FOUND', 'The duplicate check of this person is no longer held by the desk: check again before enrolling.');
    }
    const decision = held === null ? { kind: 'proceed' as const, addTo: null, override: null } : decideDuplicate(held.candidates, chosen?.choice);
    if (decision.kind === 'skip' && chosen === undefined) throw new AppFailure('CONFLICT', decision.message, { reason: 'possible_duplicate' });
    return decision;
  }

  /**
   * Queues the selected persons of a dry run from its staged photos, all in one queue
   * transaction (no second pass through sharp); never throws for one person's failure.
   */
  async enrollScan(scan: ScanOutcome, selection: ImportSelection, hooks: ImportHooks = {}): Promise<Omit<ImportOutcome, 'scanId'>> {
    const terms = this.#requireConsent(selection.consent);
    const excluded = new Set(selection.excluded ?? []);
    const persons = scan.report.persons.filter((p) => !excluded.has(p.key));
    const ctx = this.#confirmContext(scan, terms, hooks);
    const prepared: PreparedPerson[] = [];
    for (const [index, person] of persons.entries()) {
      hooks.onProgress?.({ done: index, total: persons.length, current: displayName(person.name) });
      prepared.push(hooks.signal?.aborted ? { kind: 'decided', result: base(person, 'skipped', 'Not attempted: the import was cancelled.') } : await preparePerson(ctx, scan, person, selection));
    }
    const results = await this.#queuePrepared(ctx, prepared);
    for (const r of results) hooks.onPerson?.(r);
    hooks.onProgress?.({ done: persons.length, total: persons.length });
    return importOutcomeOf(scan.collectionId, results);
  }

  /** The one transaction for every prepared person; if it fails, each of them fails with its reason. */
  async #queuePrepared(ctx: ConfirmContext, prepared: readonly PreparedPerson[]): Promise<PersonResult[]> {
    const queued = prepared.filter((p): p is Extract<PreparedPerson, { kind: 'queue' }> => p.kind === 'queue');
    let answers: readonly ({ readonly error: unknown } | Awaited<ReturnType<EnrollmentSink['submitStaged']>>[number])[];
    try {
      answers = queued.length === 0 ? [] : await this.#sink.submitStaged(queued.map((p) => p.enrollment));
    } catch (err) {
      answers = queued.map(() => ({ error: err }));
    }
    const byPerson = new Map(queued.map((p, i) => [p, answers[i] ?? { error: new Error('The queue gave no answer for this person.') }]));
    return prepared.map((p) => (p.kind === 'decided' ? p.result : settlePerson(ctx, p, byPerson.get(p) ?? { error: null })));
  }

  #confirmContext(scan: ScanOutcome, terms: ConsentTerms, hooks: ImportHooks): ConfirmContext {
    const source: EnrollmentSource = scan.report.layout === 'manifest' ? 'manifest' : 'folder';
    return {
      sink: this.#sink,
      photos: this.deps.photos,
      terms,
      signal: hooks.signal,
      onThumbnail: hooks.onThumbnail,
      meta: (enrollmentId, person, overrides) => this.#meta(enrollmentId, person.name, terms, source, person.externalId, person.key, overrides),
      knownPerson: (sha256) => this.#knownPerson(scan, sha256),
      queued: (enrollmentId, overrides, decision) => {
        this.#reportOverrides(scan.collectionId, enrollmentId, overrides);
        if (decision.override) this.deps.duplicates?.onOverride?.({ collectionId: scan.collectionId, enrollmentId, personId: decision.override.of }, decision.override.note);
      },
    };
  }

  /** The webcam or form path: one person, photos from captures kept in main or sent as bytes. */
  async enrollPerson(request: EnrollPersonRequest): Promise<PersonResult> {
    const terms = this.#requireConsent(request.consent);
    const photos: EnrollmentPhoto[] = [];
    const overrides: QualityOverrideRecord[] = [];
    for (const [i, photo] of request.photos.entries()) {
      const held = await this.#heldPhoto(photo, i);
      const processed = held.photo;
      const override = 'captureId' in photo ? photo.qualityOverride : undefined;
      if (!isQualityAccepted(held.quality, override)) {
        const needed = codesNeedingOverride(held.quality);
        throw new AppFailure('BAD_INPUT', `Photo ${i + 1} was flagged by the quality check (${needed.join(', ')}): accept it with a note, or capture it again.`, {
          field: 'qualityOverride',
          codes: needed,
        });
      }
      if (override && codesNeedingOverride(held.quality).length > 0) overrides.push({ sha256: processed.sha256, ...override });
      await this.#check(request.collectionId, ENROLL_CHECK_ANSWER_MS).assertNotEnrolled(processed.sha256, i + 1);
      if (photos.some((p) => p.sha256 === processed.sha256)) throw new AppFailure('BAD_INPUT', `Photo ${i + 1} is the same as an earlier one.`);
      photos.push({ jpeg: processed.jpeg, sha256: processed.sha256, tags: photo.tags });
    }
    const decision = this.#personDecision(request, photos.map((p) => p.sha256));
    if (request.duplicate) this.#personChecks.delete(request.duplicate.checkId);
    if (decision.kind === 'skip') return { key: randomUUID(), name: request.name, status: 'skipped', enrollmentId: null, personId: null, itemId: null, photos: [], message: decision.message };
    const enrollmentId = randomUUID();
    const metaData = this.#meta(enrollmentId, request.name, terms, request.source, request.externalId, undefined, overrides);
    const target = decision.addTo === null ? {} : { targetPersonId: decision.addTo };
    const submitted = await this.#sink.submit(
      { enrollmentId, collectionId: request.collectionId, metaData, photos, ...target },
      { onConfirmed: (personId, hashes) => this.enrolled.record(request.collectionId, { personId, enrollmentId }, hashes) },
    );
    this.#reportOverrides(request.collectionId, enrollmentId, overrides);
    if (decision.override) this.deps.duplicates?.onOverride?.({ collectionId: request.collectionId, enrollmentId, personId: decision.override.of }, decision.override.note);
    for (const photo of request.photos) if ('captureId' in photo) this.captures.delete(photo.captureId);
    return {
      key: enrollmentId,
      name: request.name,
      status: submitted.status,
      enrollmentId,
      personId: submitted.status === 'enrolled' ? submitted.personId : null,
      itemId: submitted.status === 'queued' ? submitted.itemId : null,
      photos: photos.map((p, i) => ({ fileName: `photo ${i + 1}`, sha256: p.sha256, tags: p.tags })),
      message: null,
    };
  }

  /** Runs a webcam frame through the same pipeline as files and keeps the result for enrollment. */
  async processCapture(dataBase64: string, mirrored: boolean): Promise<Capture> {
    const bytes = Buffer.from(dataBase64, 'base64');
    const prepared = await this.deps.photos.prepare({ bytes: mirrored ? await unmirror(bytes) : bytes });
    if (!prepared.ok) return { ok: false, reason: prepared.reason, message: prepared.message };
    // Judged on the pixels the JPEG was encoded from: no second decode.
    const quality = this.deps.detector ? toPhotoQuality(await assessPixels(this.deps.detector, prepared, this.#thresholds())) : null;
    const result = prepared.photo;
    return {
      ok: true,
      captureId: this.captures.put(result, quality),
      thumbnail: `data:image/jpeg;base64,${(result.thumbnail ?? Buffer.alloc(0)).toString('base64')}`,
      width: result.width,
      height: result.height,
      sha256: result.sha256,
      suggestedTags: defaultTagsFor({ width: result.width, height: result.height, source: 'webcam' }),
      notes: result.notes,
      quality,
    };
  }

  /** A photo's thumbnail rebuilt from its file (the dry run keeps no pixels), with the dry run's auto-crop. */
  async thumbnailOf(photo: Pick<PhotoReport, 'path' | 'crop'>): Promise<Buffer> {
    const result = await this.deps.photos.process({ path: photo.path }, undefined, photo.crop ? { crop: photo.crop } : {});
    if (!result.ok || !result.thumbnail) throw new AppFailure('NOT_FOUND', `${basename(photo.path)}: ${result.ok ? 'no thumbnail' : result.message}`);
    return result.thumbnail;
  }

  async #processBytes(bytes: Buffer, label: string): Promise<ProcessedPhoto> {
    const result = await this.deps.photos.process({ bytes });
    if (!result.ok) throw new AppFailure('BAD_INPUT', `${label}: ${result.message}`, { reason: result.reason });
    return result;
  }

  #requireConsent(confirmation: ConsentConfirmation | undefined): ConsentTerms {
    const terms = this.deps.consentTerms();
    const problem = consentProblem(confirmation, terms);
    if (problem !== null) throw new AppFailure('BAD_INPUT', problem, { field: 'consent' });
    return terms;
  }

  #meta(
    enrollmentId: string,
    name: PersonReport['name'],
    terms: ConsentTerms,
    source: EnrollmentSource,
    externalId: string | undefined,
    sourceKey: string | undefined,
    qualityOverrides: readonly QualityOverrideRecord[] = [],
  ): Readonly<Record<string, unknown>> {
    return enrollmentMetaData({
      enrollmentId,
      name,
      desk: this.deps.deskName(),
      operator: this.deps.operator(),
      consent: terms,
      confirmedAt: this.#now(),
      source,
      externalId,
      sourceKey,
      qualityOverrides,
    });
  }

  /** Whether a photo is already on the server (by its listing, or the desk's record confirmed) or in the queue. */
  async #known(collectionId: string, sha256: string, server: ServerPhotoIndex, check: EnrolledCheck): Promise<KnownHash> {
    if (server.has(sha256) || (await check.isEnrolled(sha256))) return 'enrolled';
    return this.deps.isQueued?.(collectionId, sha256) ? 'queued' : null;
  }

  #check(collectionId: string, answerWithinMs?: number): EnrolledCheck {
    return new EnrolledCheck({
      client: this.deps.client,
      enrolled: this.enrolled,
      collectionId,
      retryBudgetMs: this.#readBudget(),
      ...(this.deps.reachable === undefined ? {} : { reachable: this.deps.reachable }),
      ...(answerWithinMs === undefined ? {} : { answerWithinMs }),
    });
  }

  #readBudget(): number {
    return this.deps.readRetryBudgetMs ?? 20_000;
  }

  #thresholds(): QualityThresholds {
    return this.deps.thresholds?.() ?? DEFAULT_QUALITY_THRESHOLDS;
  }

  #reportOverrides(collectionId: string, enrollmentId: string, overrides: readonly QualityOverrideRecord[]): void {
    for (const o of overrides) this.deps.onQualityOverride?.({ collectionId, enrollmentId }, { codes: o.codes, note: o.note });
  }

  /** The person a photo of this import already belongs to, on the desk's record or the server. */
  #knownPerson(scan: ScanOutcome, sha256: string): string | null {
    return this.enrolled.find(scan.collectionId, sha256)?.personId ?? scan.server.get(sha256) ?? null;
  }

}

/** A frame the camera delivered mirrored is turned the right way round before the pipeline. */
async function unmirror(bytes: Buffer): Promise<Buffer> {
  try {
    return await sharp(bytes, { limitInputPixels: 40_000_000, failOn: 'truncated' }).flop().png({ compressionLevel: 1 }).toBuffer();
  } catch {
    // Not decodable: the pipeline itself says why.
    return bytes;
  }
}

/** A report holding one person of a dry run still in progress. */
function onePersonReport(input: ScanInput, person: PersonReport): ScanReport {
  const photos = person.photos;
  return {
    root: input.path,
    layout: input.manifestPath ? 'manifest' : 'folders',
    persons: [person],
    refused: [],
    problems: [],
    counts: {
      persons: 1,
      photosAccepted: photos.filter((p) => p.status === 'accepted').length,
      photosRefused: photos.filter((p) => p.status === 'refused').length,
      duplicates: photos.filter((p) => p.status === 'duplicate').length,
      flagged: photos.filter((p) => p.status === 'accepted' && p.quality?.passed === false).length,
    },
    cancelled: false,
  };
}
