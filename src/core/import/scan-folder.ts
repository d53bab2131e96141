import { basename, relative, resolve } from 'node:path';
import { assertNever } from '../../shared/result.js';
import { defaultTagsFor, isOrientationTag, type OzTag } from '../../shared/domain/tags.js';
import type { QualityThresholds } from '../../shared/domain/quality-thresholds.js';
import type { PhotoQuality } from '../../shared/domain/quality.js';
import type { CropRegion } from '../images/auto-crop.js';
import type { PhotoProcessor } from '../images/photo-processor.js';
import type { PhotoResult, ProcessedPhoto } from '../images/process-photo.js';
import type { PhotoRefusal } from '../images/refusal.js';
import type { FaceDetector } from '../quality/index.js';
import { assessFile, type FileQuality } from './assess-file.js';
import { readManifest } from './manifest.js';
import { parsePersonName } from './person-name.js';
import type { PersonName, PersonReport, PhotoReport, ScanProblem, ScanProgress, ScanReport, StrayFile } from './report.js';
import { nodeScanFs, type ScanFs } from './scan-fs.js';
import { collectFiles, enterFolder, listFolder, type WalkContext } from './walk.js';

export interface ScanOptions {
  readonly processor: PhotoProcessor;
  /** CSV manifest for a flat folder (layout b); without it each subfolder is a person (layout a). */
  readonly manifest?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Whether the desk or the server already holds a photo; may ask the server (then it is awaited). */
  readonly isKnownHash?: (sha256: string) => KnownHash | Promise<KnownHash>;
  readonly fs?: ScanFs;
  /** Face-quality checks per photo (the app and the CLI pass one); without it no verdicts. */
  readonly detector?: FaceDetector;
  readonly thresholds?: QualityThresholds;
  /**
   * Keeps a photo the pipeline accepted, as it would be enrolled (the auto-crop applied),
   * so confirm needs no second pass. A failure refuses that file with the reason.
   */
  readonly stage?: (path: string, processed: ProcessedPhoto) => Promise<void>;
  /**
   * Each person as soon as all their photos, and every earlier person's, are decided (file
   * order, so "same photo as X earlier" keeps pointing at the earlier file). Awaited in turn
   * while later photos are still being processed.
   */
  readonly onPerson?: (person: PersonReport) => Promise<void>;
}

export type KnownHash = 'enrolled' | 'queued' | null;

interface PlannedPerson {
  readonly key: string;
  readonly name: PersonName;
  readonly externalId?: string;
  readonly files: readonly string[];
  readonly tags: readonly OzTag[] | null;
}

/** What survives of a processed photo: the JPEG itself is dropped once hashed and assessed. */
type PhotoOutcome =
  | {
      readonly ok: true;
      readonly sha256: string;
      readonly width: number;
      readonly height: number;
      readonly notes: readonly string[];
      readonly quality?: PhotoQuality;
      readonly crop?: CropRegion;
    }
  | PhotoRefusal;

const slim = (r: PhotoResult, quality?: PhotoQuality, crop?: CropRegion): PhotoOutcome =>
  r.ok
    ? { ok: true, sha256: r.sha256, width: r.width, height: r.height, notes: r.notes, ...(quality ? { quality } : {}), ...(crop ? { crop } : {}) }
    : r;

/** The pipeline (no thumbnail: the enroll step makes it), then the quality checks when a detector is given. */
async function processOne(path: string, options: ScanOptions): Promise<PhotoOutcome> {
  const assessed: FileQuality = options.detector
    ? await assessFile(options.processor, path, { detector: options.detector, thresholds: options.thresholds, signal: options.signal })
    : { result: await options.processor.process({ path }, options.signal, { thumbnail: false }) };
  if (assessed.result.ok) await options.stage?.(path, assessed.result);
  return slim(assessed.result, assessed.quality, assessed.crop);
}

async function planFolders(root: string, ctx: WalkContext, strays: StrayFile[]): Promise<PlannedPerson[]> {
  if (!(await enterFolder(root, ctx))) return [];
  const persons: PlannedPerson[] = [];
  for (const entry of (await listFolder(root, ctx)) ?? []) {
    if (ctx.signal?.aborted) break;
    if (entry.kind === 'file') {
      ctx.onFile(entry.path);
      strays.push({
        path: entry.path,
        fileName: entry.name,
        reason: 'not_in_person_folder',
        message: 'This file is not inside a person folder, so it belongs to nobody. Move it into a folder named after the person.',
      });
      continue;
    }
    const name = parsePersonName(entry.name);
    if (!name) {
      ctx.problems.push({ path: entry.path, kind: 'unnamed_folder', message: 'This folder name gives no person name; its photos were skipped.' });
      continue;
    }
    const files: string[] = [];
    // A folder that cannot be read, or that a link already brought into the scan, is no person.
    if (await collectFiles(entry.path, ctx, files)) persons.push({ key: entry.name, name, files, tags: null });
  }
  return persons;
}

async function planManifest(root: string, manifestPath: string, ctx: WalkContext, strays: StrayFile[]): Promise<PlannedPerson[]> {
  const manifest = await readManifest(manifestPath, root);
  ctx.problems.push(...manifest.problems);
  if (manifest.rows.length === 0) return [];
  const inventory: string[] = [];
  await collectFiles(root, ctx, inventory);
  const present = new Set(inventory);
  const usedBy = new Map<string, number>();
  const persons: PlannedPerson[] = [];
  for (const row of manifest.rows) {
    const files: string[] = [];
    for (const file of row.files) {
      const shown = relative(root, file);
      const earlier = usedBy.get(file);
      const message = !present.has(file)
        ? `Line ${row.line}: file "${shown}" was not found in the folder.`
        : earlier !== undefined
          ? `Line ${row.line}: file "${shown}" is already used on line ${earlier}.`
          : null;
      if (message) {
        ctx.problems.push({ path: manifestPath, kind: 'manifest_error', message, line: row.line });
        continue;
      }
      usedBy.set(file, row.line);
      files.push(file);
    }
    if (files.length > 0) {
      persons.push({ key: `line ${row.line}`, name: row.name, ...(row.externalId ? { externalId: row.externalId } : {}), files, tags: row.tags });
    }
  }
  const manifestAbs = resolve(manifestPath);
  for (const file of inventory) {
    if (usedBy.has(file) || file === manifestAbs) continue;
    strays.push({ path: file, fileName: basename(file), reason: 'not_in_manifest', message: 'No manifest line names this file, so it was not imported.' });
  }
  return persons;
}

/** Manifest tags win; an orientation tag is added when the manifest gave none. */
function tagsFor(planned: readonly OzTag[] | null, size: { width: number; height: number }): readonly OzTag[] {
  const defaults = defaultTagsFor({ ...size, source: 'file' });
  if (!planned) return defaults;
  if (planned.some(isOrientationTag)) return planned;
  return [...planned, ...defaults.filter(isOrientationTag)];
}

/** Each file's outcome as a promise (undefined: not processed, the scan was cancelled), in file order. */
function processAll(
  items: readonly string[],
  options: ScanOptions,
): { readonly outcomes: readonly Promise<PhotoOutcome | undefined>[]; readonly finished: Promise<void> } {
  const { processor, signal, onProgress } = options;
  // With a detector, more photos wait in the pipeline while one is being assessed.
  const workers = processor.concurrency + (options.detector ? 1 : 0);
  const settle: ((outcome: PhotoOutcome | undefined) => void)[] = [];
  const outcomes = items.map(() => new Promise<PhotoOutcome | undefined>((resolve) => settle.push(resolve)));
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (!signal?.aborted && next < items.length) {
      const index = next++;
      const path = items[index] ?? '';
      try {
        settle[index]?.(await processOne(path, options));
      } catch (err) {
        if (signal?.aborted) return;
        settle[index]?.({ ok: false, reason: 'unreadable', message: `The file could not be processed (${err instanceof Error ? err.message : 'unknown error'}).` });
      }
      done += 1;
      onProgress?.({ phase: 'processing', done, total: items.length, current: path });
    }
  };
  // Resolving again is a no-op: this only settles the files a cancelled scan never reached.
  const finished = Promise.all(Array.from({ length: workers }, worker)).finally(() => settle.forEach((s) => s(undefined))).then(() => undefined);
  return { outcomes, finished };
}

/**
 * The dry run of an import: finds persons and their photos, runs every photo through the
 * pipeline and reports what would be enrolled. Keeps metadata and hashes only (the enroll
 * step processes the files again). Never throws for a bad file or folder: everything ends
 * up in the report. Cancelling returns what was finished, with `cancelled: true`.
 */
export async function scanFolder(root: string, options: ScanOptions): Promise<ScanReport> {
  const problems: ScanProblem[] = [];
  const refused: StrayFile[] = [];
  let found = 0;
  const ctx: WalkContext = {
    fs: options.fs ?? nodeScanFs,
    ...(options.signal ? { signal: options.signal } : {}),
    visited: new Set(),
    problems,
    onFile: (path) => {
      found += 1;
      options.onProgress?.({ phase: 'scanning', done: found, total: found, current: path });
    },
  };
  const absRoot = resolve(root);
  const planned = options.manifest ? await planManifest(absRoot, options.manifest, ctx, refused) : await planFolders(absRoot, ctx, refused);

  const { outcomes, finished } = processAll(
    planned.flatMap((p) => p.files),
    options,
  );

  const firstByHash = new Map<string, string>();
  const persons: PersonReport[] = [];
  let index = 0;
  for (const person of planned) {
    const photos: PhotoReport[] = [];
    for (const path of person.files) {
      const outcome = await outcomes[index++];
      if (!outcome) continue;
      // Asked once per hash: later copies are duplicates within the batch.
      const known = outcome.ok && !firstByHash.has(outcome.sha256) ? ((await options.isKnownHash?.(outcome.sha256)) ?? null) : null;
      photos.push(toPhotoReport(path, person.tags, outcome, firstByHash, known));
    }
    const report: PersonReport = { key: person.key, name: person.name, ...(person.externalId ? { externalId: person.externalId } : {}), photos };
    persons.push(report);
    if (photos.length > 0) await options.onPerson?.(report);
  }
  await finished;

  const cancelled = options.signal?.aborted ?? false;
  const kept = cancelled ? persons.filter((p) => p.photos.length > 0) : persons;
  const photos = kept.flatMap((p) => p.photos);
  return {
    root: absRoot,
    layout: options.manifest ? 'manifest' : 'folders',
    persons: kept,
    refused,
    problems,
    counts: {
      persons: kept.length,
      photosAccepted: photos.filter((p) => p.status === 'accepted').length,
      photosRefused: photos.filter((p) => p.status === 'refused').length + refused.length,
      duplicates: photos.filter((p) => p.status === 'duplicate').length,
      flagged: photos.filter((p) => p.status === 'accepted' && p.quality?.passed === false).length,
    },
    cancelled,
  };
}

/** Walks outcomes in file order, so "duplicate of" always points at the earlier file. */
function toPhotoReport(
  path: string,
  plannedTags: readonly OzTag[] | null,
  outcome: PhotoOutcome,
  firstByHash: Map<string, string>,
  known: KnownHash,
): PhotoReport {
  const fileName = basename(path);
  if (!outcome.ok) return { path, fileName, status: 'refused', reason: outcome.reason, message: outcome.message, tags: [] };
  const base = {
    path,
    fileName,
    sha256: outcome.sha256,
    width: outcome.width,
    height: outcome.height,
    tags: tagsFor(plannedTags, outcome),
    notes: outcome.notes,
    ...(outcome.quality ? { quality: outcome.quality } : {}),
    ...(outcome.crop ? { crop: outcome.crop } : {}),
  };
  const first = firstByHash.get(outcome.sha256);
  if (first !== undefined) {
    return { ...base, status: 'duplicate', reason: 'duplicate_in_batch', message: `Same photo as ${basename(first)} earlier in this import.`, duplicateOf: first };
  }
  firstByHash.set(outcome.sha256, path);
  switch (known) {
    case null:
      return { ...base, status: 'accepted' };
    case 'enrolled':
      return { ...base, status: 'duplicate', reason: 'already_enrolled', message: 'This photo is already enrolled.' };
    case 'queued':
      return { ...base, status: 'duplicate', reason: 'already_queued', message: 'This photo is already waiting in the upload queue.' };
    default:
      return assertNever(known);
  }
}
