import type { DeletionJobView } from '../../../shared/domain/collections.js';
import type { OzClient } from '../../oz/index.js';
import type { DeskCache } from '../cache/desk-cache.js';
import type { EnrolledPhotos } from '../enroll/enrolled-photos.js';
import { unreachableReason } from '../cache/unreachable.js';
import { CollectionDeleter } from '../delete-collection.js';
import type { DeletionJob, DeletionJobStore } from '../deletion-jobs/deletion-job-store.js';

export interface CollectionDeletionsDeps {
  readonly client: () => OzClient;
  readonly store: DeletionJobStore;
  readonly cache: DeskCache;
  readonly onProgress: (job: DeletionJobView) => void;
  /** The desk's record of enrolled photos, emptied for a deleted collection. */
  readonly enrolled: Pick<EnrolledPhotos, 'forgetCollection'>;
  /** Delay before retrying after the server could not be reached. */
  readonly retryDelayMs?: (attempt: number) => number;
}

const defaultDelay = (attempt: number): number => Math.min(30_000, 1000 * 2 ** attempt);

/**
 * Runs collection deletions in the background of main: each job keeps going through
 * network drops (retrying with back-off) and, stored in the desk DB, is picked up
 * again after a restart by `resumeAll`.
 */
export class CollectionDeletions {
  readonly #deps: CollectionDeletionsDeps;
  readonly #running = new Map<string, AbortController>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(deps: CollectionDeletionsDeps) {
    this.#deps = deps;
  }

  /** Starts the job for a collection (or joins its unfinished one) and answers with its state at once. */
  start(collectionId: string, alias: string): DeletionJobView {
    const existing = this.#deps.store.listUnfinished().find((j) => j.collectionId === collectionId);
    const job = existing ?? this.#deps.store.create(collectionId);
    this.#deps.cache.setDeletionAlias(job.jobId, alias);
    this.#launch(job.jobId, 0);
    return this.#view(this.#deps.store.get(job.jobId) ?? job);
  }

  resume(jobId: string): DeletionJobView {
    const job = this.#deps.store.get(jobId);
    if (job === null) throw new Error(`Unknown deletion job ${jobId}`);
    this.#launch(jobId, 0);
    return this.#view(this.#deps.store.get(jobId) ?? job);
  }

  resumeAll(): void {
    for (const job of this.#deps.store.listUnfinished()) this.#launch(job.jobId, 0);
  }

  list(): readonly DeletionJobView[] {
    return this.#deps.store.listUnfinished().map((j) => this.#view(j));
  }

  /** Stops work in this process (sign-out, shutdown); the jobs stay stored and resume later. */
  stopAll(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const controller of this.#running.values()) controller.abort();
    this.#running.clear();
  }

  #launch(jobId: string, attempt: number): void {
    if (this.#running.has(jobId)) return;
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    let client: OzClient;
    try {
      client = this.#deps.client();
    } catch {
      this.#running.delete(jobId);
      return;
    }
    const deleter = new CollectionDeleter({ client, store: this.#deps.store });
    this.#emit(jobId);
    deleter
      .resume(jobId, { signal: controller.signal, onProgress: () => this.#emit(jobId) })
      .then((result) => {
        this.#running.delete(jobId);
        this.#deps.cache.forgetCollection(result.collectionId);
        this.#deps.enrolled.forgetCollection(result.collectionId);
        this.#emit(jobId);
      })
      .catch((err: unknown) => {
        const mine = this.#running.get(jobId) === controller;
        if (mine) this.#running.delete(jobId);
        this.#emit(jobId);
        if (!mine || controller.signal.aborted || unreachableReason(err) === null) return;
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          this.#launch(jobId, attempt + 1);
        }, (this.#deps.retryDelayMs ?? defaultDelay)(attempt));
        this.#timers.add(timer);
      });
  }

  #emit(jobId: string): void {
    const job = this.#deps.store.get(jobId);
    if (job !== null) this.#deps.onProgress(this.#view(job));
  }

  #view(job: DeletionJob): DeletionJobView {
    return {
      jobId: job.jobId,
      collectionId: job.collectionId,
      alias: this.#deps.cache.deletionAlias(job.jobId),
      phase: job.phase,
      done: job.done,
      total: job.total,
      deletedAnalyses: job.deletedAnalyses,
      lastError: job.lastError,
      running: this.#running.has(job.jobId),
    };
  }
}
