import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import sharp from 'sharp';
import { consentProblem, type ConsentConfirmation, type ConsentTerms } from '../../../shared/domain/consent.js';
import type { Capture, ImportOutcome, PersonResult } from '../../../shared/domain/enroll.js';
import { defaultTagsFor, type OzTag } from '../../../shared/domain/tags.js';
import { AppFailure } from '../../errors/app-failure.js';
import { toAppError } from '../../errors/to-app-error.js';
import type { PhotoProcessor } from '../../images/photo-processor.js';
import type { ProcessedPhoto } from '../../images/process-photo.js';
import type { PersonReport, ScanProgress, ScanReport } from '../../import/report.js';
import { scanFolder } from '../../import/scan-folder.js';
import type { OzClient } from '../../oz/index.js';
import { CaptureStore } from './capture-store.js';
import { EnrolledPhotos } from './enrolled-photos.js';
import { enrollmentMetaData, type EnrollmentSource } from './enrollment-meta.js';
import type { EnrollmentPhoto, EnrollmentSink } from './enrollment-sink.js';
import { OnlineEnrollmentSink } from './online-enrollment-sink.js';
import { indexServerPhotos, type ServerPhotoIndex } from './server-photo-index.js';
import { stopsTheBatch } from './stop-error.js';

export interface EnrollServiceDeps {
  readonly db: Database.Database;
  readonly photos: PhotoProcessor;
  /** The signed-in client; throws NOT_SIGNED_IN otherwise. */
  readonly client: () => OzClient;
  readonly deskName: () => string;
  /** The signed-in operator's e-mail. */
  readonly operator: () => string;
  readonly consentTerms: () => ConsentTerms;
  /** Online by default; the offline queue's sink once it is wired. */
  readonly sink?: EnrollmentSink;
  readonly now?: () => Date;
}

export interface ScanInput {
  readonly path: string;
  readonly manifestPath?: string | undefined;
  readonly collectionId: string;
}

/** A dry run together with what it knew about photos already on the server. */
export interface ScanOutcome {
  readonly collectionId: string;
  readonly report: ScanReport;
  readonly server: ServerPhotoIndex;
  /** Null when the server could be listed; otherwise why not (the desk's own record was used). */
  readonly serverCheckError: string | null;
}

export interface ImportSelection {
  /** Person keys the operator unticked. */
  readonly excluded?: readonly string[];
  /** Tags chosen by the operator, by photo path. */
  readonly tagOverrides?: Readonly<Record<string, readonly OzTag[]>>;
  readonly consent: ConsentConfirmation | undefined;
  /** Enroll photos the desk or the server already holds, as new persons (CLI --allow-duplicates). */
  readonly allowDuplicates?: boolean;
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
  readonly photos: readonly ({ readonly captureId: string; readonly tags: readonly OzTag[] } | { readonly dataBase64: string; readonly fileName: string; readonly tags: readonly OzTag[] })[];
  readonly consent: ConsentConfirmation | undefined;
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
  readonly #sink: EnrollmentSink;
  readonly #now: () => Date;

  constructor(private readonly deps: EnrollServiceDeps) {
    this.enrolled = new EnrolledPhotos(deps.db);
    this.#sink = deps.sink ?? new OnlineEnrollmentSink(deps.client);
    this.#now = deps.now ?? (() => new Date());
  }

  async scan(input: ScanInput, opts: { readonly signal?: AbortSignal; readonly onProgress?: (p: ScanProgress) => void } = {}): Promise<ScanOutcome> {
    let server: ServerPhotoIndex = new Map();
    let serverCheckError: string | null = null;
    try {
      server = await indexServerPhotos(this.deps.client(), input.collectionId, opts.signal ? { signal: opts.signal } : {});
    } catch (err) {
      serverCheckError = toAppError(err).message;
    }
    const report = await scanFolder(input.path, {
      processor: this.deps.photos,
      ...(input.manifestPath ? { manifest: input.manifestPath } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      isKnownHash: (sha) => (server.has(sha) || this.enrolled.find(input.collectionId, sha) ? 'enrolled' : null),
    });
    return { collectionId: input.collectionId, report, server, serverCheckError };
  }

  /** Enrolls the selected persons of a dry run one by one; never throws for one person's failure. */
  async enrollScan(scan: ScanOutcome, selection: ImportSelection, hooks: ImportHooks = {}): Promise<Omit<ImportOutcome, 'scanId'>> {
    const terms = this.#requireConsent(selection.consent);
    const excluded = new Set(selection.excluded ?? []);
    const persons = scan.report.persons.filter((p) => !excluded.has(p.key));
    const results: PersonResult[] = [];
    let stopped: string | null = null;
    for (const [index, person] of persons.entries()) {
      hooks.onProgress?.({ done: index, total: persons.length, current: displayName(person.name) });
      const result: PersonResult & { readonly stop?: boolean } =
        stopped !== null || hooks.signal?.aborted
          ? skipped(person, stopped === null ? 'Not attempted: the import was cancelled.' : `Not attempted: ${stopped}`)
          : await this.#enrollScannedPerson(scan, person, selection, terms, hooks);
      if (result.status === 'failed' && result.stop) stopped = result.message;
      const { stop: _stop, ...view } = result;
      results.push(view);
      hooks.onPerson?.(view);
    }
    hooks.onProgress?.({ done: persons.length, total: persons.length });
    const count = (status: PersonResult['status']) => results.filter((r) => r.status === status).length;
    return {
      collectionId: scan.collectionId,
      counts: {
        enrolled: count('enrolled'),
        queued: count('queued'),
        failed: count('failed'),
        skipped: count('skipped'),
        photos: results.reduce((n, r) => n + (r.status === 'enrolled' || r.status === 'queued' ? r.photos.length : 0), 0),
      },
      results,
    };
  }

  /** The webcam or form path: one person, photos from captures kept in main or sent as bytes. */
  async enrollPerson(request: EnrollPersonRequest): Promise<PersonResult> {
    const terms = this.#requireConsent(request.consent);
    const photos: EnrollmentPhoto[] = [];
    for (const [i, photo] of request.photos.entries()) {
      const processed = 'captureId' in photo ? this.captures.get(photo.captureId) : await this.#processBytes(Buffer.from(photo.dataBase64, 'base64'), `photo ${i + 1}`);
      if (processed === null) throw new AppFailure('NOT_FOUND', `Photo ${i + 1} is no longer held by the desk: capture it again.`);
      if (this.enrolled.find(request.collectionId, processed.sha256)) {
        throw new AppFailure('CONFLICT', `Photo ${i + 1} is already enrolled in this collection.`);
      }
      if (photos.some((p) => p.sha256 === processed.sha256)) throw new AppFailure('BAD_INPUT', `Photo ${i + 1} is the same as an earlier one.`);
      photos.push({ jpeg: processed.jpeg, sha256: processed.sha256, tags: photo.tags });
    }
    const enrollmentId = randomUUID();
    const metaData = this.#meta(enrollmentId, request.name, terms, request.source, request.externalId, undefined);
    const submitted = await this.#sink.submit(
      { enrollmentId, collectionId: request.collectionId, metaData, photos },
      { onConfirmed: (personId, hashes) => this.enrolled.record(request.collectionId, { personId, enrollmentId }, hashes) },
    );
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
    const result = await this.deps.photos.process({ bytes: mirrored ? await unmirror(bytes) : bytes });
    if (!result.ok) return { ok: false, reason: result.reason, message: result.message };
    return {
      ok: true,
      captureId: this.captures.put(result),
      thumbnail: `data:image/jpeg;base64,${result.thumbnail.toString('base64')}`,
      width: result.width,
      height: result.height,
      sha256: result.sha256,
      suggestedTags: defaultTagsFor({ width: result.width, height: result.height, source: 'webcam' }),
      notes: result.notes,
    };
  }

  /** A photo's thumbnail rebuilt from its file (the dry run keeps no pixels). */
  async thumbnailOf(path: string): Promise<Buffer> {
    const result = await this.deps.photos.process({ path });
    if (!result.ok) throw new AppFailure('NOT_FOUND', `${basename(path)}: ${result.message}`);
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
    });
  }

  /** The person a photo of this import already belongs to, on the desk's record or the server. */
  #knownPerson(scan: ScanOutcome, sha256: string): string | null {
    return this.enrolled.find(scan.collectionId, sha256)?.personId ?? scan.server.get(sha256) ?? null;
  }

  async #enrollScannedPerson(
    scan: ScanOutcome,
    person: PersonReport,
    selection: ImportSelection,
    terms: ConsentTerms,
    hooks: ImportHooks,
  ): Promise<PersonResult & { readonly stop?: boolean }> {
    const allow = selection.allowDuplicates === true;
    const wanted = person.photos.filter((p) => p.status === 'accepted' || (allow && p.status === 'duplicate' && p.reason !== 'duplicate_in_batch'));
    // Resuming: photos of this person already enrolled pin the person the rest is added to.
    const target = allow
      ? null
      : (person.photos
          .filter((p) => p.reason === 'already_enrolled' && p.sha256 !== undefined)
          .map((p) => this.#knownPerson(scan, p.sha256 ?? ''))
          .find((id): id is string => id !== null) ?? null);
    if (wanted.length === 0) {
      const why = person.photos.some((p) => p.status === 'duplicate') ? 'All photos are already enrolled.' : 'No usable photo.';
      return { ...skipped(person, why), personId: target };
    }
    const photos: EnrollmentPhoto[] = [];
    const problems: string[] = [];
    await Promise.all(
      wanted.map(async (p) => {
        const result = await this.deps.photos.process({ path: p.path }, hooks.signal);
        if (!result.ok) problems.push(`${p.fileName}: ${result.message}`);
        else if (result.sha256 !== p.sha256) problems.push(`${p.fileName}: the file changed since the dry run; scan again.`);
        else {
          photos.push({ jpeg: result.jpeg, sha256: result.sha256, tags: selection.tagOverrides?.[p.path] ?? p.tags });
          hooks.onThumbnail?.(result.sha256, result.thumbnail);
        }
      }),
    );
    // Keep the dry run's file order (processing finishes out of order).
    const order = new Map(wanted.map((p, i) => [p.sha256, i]));
    photos.sort((a, b) => (order.get(a.sha256) ?? 0) - (order.get(b.sha256) ?? 0));
    const fileNameOf = new Map(wanted.map((p) => [p.sha256, p.fileName]));
    const message = problems.length > 0 ? problems.join(' ') : null;
    if (photos.length === 0) return { ...base(person, 'failed', message), personId: target };

    const enrollmentId = randomUUID();
    const source: EnrollmentSource = scan.report.layout === 'manifest' ? 'manifest' : 'folder';
    const metaData = this.#meta(enrollmentId, person.name, terms, source, person.externalId, person.key);
    const confirmed: string[] = [];
    let personId = target;
    try {
      const submitted = await this.#sink.submit(
        { enrollmentId, collectionId: scan.collectionId, metaData, photos, ...(target === null ? {} : { targetPersonId: target }) },
        {
          ...(hooks.signal ? { signal: hooks.signal } : {}),
          onConfirmed: (id, hashes) => {
            personId = id;
            confirmed.push(...hashes);
            this.enrolled.record(scan.collectionId, { personId: id, enrollmentId }, hashes);
          },
        },
      );
      const sent = photos.map((p) => ({ fileName: fileNameOf.get(p.sha256) ?? p.sha256, sha256: p.sha256, tags: p.tags }));
      return {
        ...base(person, submitted.status, message),
        enrollmentId,
        personId: submitted.status === 'enrolled' ? submitted.personId : null,
        itemId: submitted.status === 'queued' ? submitted.itemId : null,
        photos: sent,
      };
    } catch (err) {
      const error = toAppError(err);
      const partly = confirmed.length > 0 ? ` ${confirmed.length} of ${photos.length} photos reached the server; run the import again to add the rest.` : '';
      return {
        ...base(person, 'failed', `${error.message}${partly}${message ? ` ${message}` : ''}`),
        enrollmentId,
        personId,
        photos: photos.filter((p) => confirmed.includes(p.sha256)).map((p) => ({ fileName: fileNameOf.get(p.sha256) ?? p.sha256, sha256: p.sha256, tags: p.tags })),
        stop: stopsTheBatch(error),
      };
    }
  }
}

function base(person: PersonReport, status: PersonResult['status'], message: string | null): PersonResult {
  return { key: person.key, name: person.name, status, enrollmentId: null, personId: null, itemId: null, photos: [], message };
}

const skipped = (person: PersonReport, message: string): PersonResult => base(person, 'skipped', message);

/** A frame the camera delivered mirrored is turned the right way round before the pipeline. */
async function unmirror(bytes: Buffer): Promise<Buffer> {
  try {
    return await sharp(bytes, { limitInputPixels: 40_000_000, failOn: 'truncated' }).flop().png({ compressionLevel: 1 }).toBuffer();
  } catch {
    // Not decodable: the pipeline itself says why.
    return bytes;
  }
}
