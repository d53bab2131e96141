import { randomUUID } from 'node:crypto';
import type { ImportOutcome, ImportProgress, PersonResult, ScanResult } from '../../../shared/domain/enroll.js';
import { AppFailure } from '../../errors/app-failure.js';
import { toAppError } from '../../errors/to-app-error.js';
import type { EnrollService, ImportSelection, ScanInput, ScanOutcome } from './enroll-service.js';

export interface ScanSessionEvents {
  progress(progress: ImportProgress): void;
  finished(result: ScanResult): void;
  personResult(scanId: string, result: PersonResult): void;
}

interface Session {
  readonly id: string;
  readonly collectionId: string;
  readonly controller: AbortController;
  state: 'running' | 'finished' | 'failed';
  outcome: ScanOutcome | null;
  error: { readonly code: string; readonly message: string } | null;
  enrolling: boolean;
  /** Cancelled or replaced: its staged photos go once the dry run has stopped writing them. */
  dropStaging: boolean;
  readonly thumbnails: Map<string, Buffer>;
}

/** Progress events at most this often (the last one always goes out). */
const PROGRESS_INTERVAL_MS = 100;
/** Thumbnails of enrolled photos kept per scan (~15 kB each); older ones are rebuilt from the file. */
const KEEP_THUMBNAILS = 400;

/**
 * Dry runs running in main, by id: the renderer starts one, follows its progress events,
 * cancels it or confirms it. Each dry run's photos are staged in the queue's blob store;
 * a new scan replaces the earlier ones (unless one is being enrolled), and a cancelled or
 * replaced dry run's staged photos are purged.
 */
export class ScanSessions {
  readonly #sessions = new Map<string, Session>();

  constructor(
    private readonly service: EnrollService,
    private readonly events: ScanSessionEvents,
  ) {}

  start(input: ScanInput): { scanId: string } {
    const session: Session = {
      id: randomUUID(),
      collectionId: input.collectionId,
      controller: new AbortController(),
      state: 'running',
      outcome: null,
      error: null,
      enrolling: false,
      dropStaging: false,
      thumbnails: new Map(),
    };
    this.#replaceAll();
    this.#sessions.set(session.id, session);
    const emit = throttled((p: ImportProgress) => this.events.progress(p));
    void this.service
      .scan({ ...input, sessionId: session.id }, {
        signal: session.controller.signal,
        onProgress: (p) => emit({ scanId: session.id, ...p }, p.phase !== 'scanning' && p.done === p.total),
      })
      .then(
        (outcome) => {
          session.outcome = outcome;
          session.state = 'finished';
        },
        (err: unknown) => {
          const e = toAppError(err);
          session.error = { code: e.code, message: e.message };
          session.state = 'failed';
        },
      )
      .finally(() => {
        if (session.dropStaging) this.#discard(session);
        this.events.finished(resultOf(session));
      });
    return { scanId: session.id };
  }

  result(scanId: string): ScanResult {
    return resultOf(this.#get(scanId));
  }

  /** Stops a running dry run; its report then covers the files finished before, and its staged photos are purged. */
  cancel(scanId: string): { cancelled: boolean } {
    const s = this.#get(scanId);
    if (s.state !== 'running') return { cancelled: false };
    s.dropStaging = true;
    s.controller.abort();
    return { cancelled: true };
  }

  async confirm(scanId: string, selection: ImportSelection): Promise<ImportOutcome> {
    const s = this.#get(scanId);
    if (s.outcome === null) throw new AppFailure('CONFLICT', 'The dry run has not finished yet.');
    if (s.enrolling) throw new AppFailure('CONFLICT', 'This import is already being enrolled.');
    s.enrolling = true;
    const emit = throttled((p: ImportProgress) => this.events.progress(p));
    try {
      const outcome = await this.service.enrollScan(s.outcome, selection, {
        onProgress: (p) => emit({ scanId, phase: 'enrolling', ...p }, p.done === p.total),
        onPerson: (r) => this.events.personResult(scanId, r),
        onThumbnail: (sha, thumb) => {
          if (s.thumbnails.size < KEEP_THUMBNAILS) s.thumbnails.set(sha, thumb);
        },
      });
      return { scanId, ...outcome };
    } finally {
      s.enrolling = false;
    }
  }

  async thumbnail(scanId: string, sha256: string): Promise<{ dataUrl: string }> {
    const s = this.#get(scanId);
    let thumb = s.thumbnails.get(sha256);
    if (thumb === undefined) {
      const photo = s.outcome?.report.persons.flatMap((p) => p.photos).find((p) => p.sha256 === sha256);
      if (!photo) throw new AppFailure('NOT_FOUND', 'No such photo in this import.');
      thumb = await this.service.thumbnailOf(photo);
    }
    return { dataUrl: `data:image/jpeg;base64,${thumb.toString('base64')}` };
  }

  /** Stops every dry run and purges what they staged (app shutdown). */
  dispose(): void {
    for (const s of this.#sessions.values()) this.#drop(s);
  }

  #get(scanId: string): Session {
    const s = this.#sessions.get(scanId);
    if (!s) throw new AppFailure('NOT_FOUND', 'This dry run is no longer held by the desk: scan the folder again.');
    return s;
  }

  /** A new dry run replaces the earlier ones; one being enrolled stays until it is done. */
  #replaceAll(): void {
    for (const s of this.#sessions.values()) if (!s.enrolling) this.#drop(s);
  }

  #drop(s: Session): void {
    this.#sessions.delete(s.id);
    if (s.state === 'running') {
      s.dropStaging = true;
      s.controller.abort();
    } else {
      this.#discard(s);
    }
  }

  #discard(s: Session): void {
    try {
      this.service.discardStaging({ sessionId: s.id });
    } catch {
      // The desk database is closed (the app is stopping): the purge at the next start removes them.
    }
  }
}

function resultOf(s: Session): ScanResult {
  return { scanId: s.id, collectionId: s.collectionId, state: s.state, report: s.outcome?.report ?? null, error: s.error };
}

function throttled(send: (p: ImportProgress) => void): (p: ImportProgress, force: boolean) => void {
  let last = 0;
  return (p, force) => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    send(p);
  };
}
