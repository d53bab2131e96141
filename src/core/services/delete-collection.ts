import { assertNever } from '../../shared/result.js';
import { OzApiError, type OzClient } from '../oz/index.js';
import { indexedFinder, type RelatedAnalysesFinder } from './delete-person-analyses.js';
import { deletePerson, type PersonDeletionClient } from './delete-person.js';
import { isMaybeBlocked } from './refused-delete.js';
import type { DeletionJob, DeletionJobStore, DeletionPhase } from './deletion-jobs/deletion-job-store.js';

export type CollectionDeletionClient = PersonDeletionClient & Pick<OzClient, 'iteratePersons' | 'deleteCollection'>;

export interface DeletionProgress {
  readonly jobId: string;
  readonly phase: DeletionPhase;
  readonly done: number;
  readonly total: number;
  readonly current?: string;
}

export interface DeletionRunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DeletionProgress) => void;
  readonly pageSize?: number;
}

export interface CollectionDeletionResult {
  readonly jobId: string;
  readonly collectionId: string;
  readonly deletedPersons: number;
  readonly deletedAnalyses: number;
}

// Persons added while we delete send us back to listing; three full rounds, then give up.
const MAX_STEPS = 3 * 3 + 1;

/**
 * Deletes a collection the way the seed describes: every person (and the COLLECTION
 * analyses that block them, confirmed up front), then the collection. Progress is
 * stored after every step, so `resume` in a new process finishes the job; persons
 * already gone (404) count as done. One run per job at a time within this process.
 */
export class CollectionDeleter {
  readonly #client: CollectionDeletionClient;
  readonly #store: DeletionJobStore;
  readonly #running = new Map<string, Promise<CollectionDeletionResult>>();

  constructor(deps: { readonly client: CollectionDeletionClient; readonly store: DeletionJobStore }) {
    this.#client = deps.client;
    this.#store = deps.store;
  }

  listUnfinished(): readonly DeletionJob[] {
    return this.#store.listUnfinished();
  }

  /** Starts a deletion, or continues the unfinished one for the same collection. */
  start(
    input: { readonly collectionId: string; readonly confirmDeleteAnalyses: true },
    opts: DeletionRunOptions = {},
  ): Promise<CollectionDeletionResult> {
    const existing = this.#store.listUnfinished().find((j) => j.collectionId === input.collectionId);
    return this.#run((existing ?? this.#store.create(input.collectionId)).jobId, opts);
  }

  resume(jobId: string, opts: DeletionRunOptions = {}): Promise<CollectionDeletionResult> {
    if (this.#store.get(jobId) === null) return Promise.reject(new Error(`Unknown deletion job ${jobId}`));
    return this.#run(jobId, opts);
  }

  #run(jobId: string, opts: DeletionRunOptions): Promise<CollectionDeletionResult> {
    const running = this.#running.get(jobId);
    if (running !== undefined) return running;
    const run = this.#execute(jobId, opts).finally(() => this.#running.delete(jobId));
    this.#running.set(jobId, run);
    return run;
  }

  async #execute(jobId: string, opts: DeletionRunOptions): Promise<CollectionDeletionResult> {
    try {
      await this.#advance(jobId, opts);
      this.#store.recordError(jobId, null);
    } catch (err) {
      this.#store.recordError(jobId, err instanceof Error ? err.message : String(err));
      throw err;
    }
    const job = this.#job(jobId);
    this.#emit(opts, job);
    return { jobId, collectionId: job.collectionId, deletedPersons: job.done, deletedAnalyses: job.deletedAnalyses };
  }

  async #advance(jobId: string, opts: DeletionRunOptions): Promise<void> {
    const { collectionId } = this.#job(jobId);
    const finder = indexedFinder(this.#client, () => new Set(this.#store.pendingPersons(jobId)));
    // Persons deleted when the collection was last refused: no progress since means persons are not the reason.
    let doneAtRefusal: number | null = null;
    for (let step = 0; step < MAX_STEPS; step += 1) {
      const phase = this.#job(jobId).phase;
      switch (phase) {
        case 'done':
          return;
        case 'listing': {
          const exists = await this.#list(jobId, collectionId, opts);
          this.#store.setPhase(jobId, exists ? 'deleting-persons' : 'done');
          break;
        }
        case 'deleting-persons':
          await this.#deletePersons(jobId, collectionId, finder, opts);
          this.#store.setPhase(jobId, 'deleting-collection');
          break;
        case 'deleting-collection': {
          const refusal = await this.#deleteCollection(jobId, collectionId, opts);
          if (refusal !== null) {
            const done = this.#job(jobId).done;
            if (done === doneAtRefusal) throw refusal;
            doneAtRefusal = done;
          }
          this.#store.setPhase(jobId, refusal === null ? 'done' : 'listing');
          break;
        }
        default:
          assertNever(phase);
      }
    }
    throw new Error('Persons kept appearing in the collection while it was being deleted; try again.');
  }

  /** Records every person still in the collection; false when the collection is gone. */
  async #list(jobId: string, collectionId: string, opts: DeletionRunOptions): Promise<boolean> {
    this.#emit(opts, this.#job(jobId));
    try {
      let batch: string[] = [];
      for await (const person of this.#client.iteratePersons(collectionId, { pageSize: opts.pageSize ?? 100, signal: opts.signal })) {
        batch.push(person.personId);
        if (batch.length >= 100) {
          this.#store.addPersons(jobId, batch);
          batch = [];
        }
      }
      this.#store.addPersons(jobId, batch);
      return true;
    } catch (err) {
      if (err instanceof OzApiError && err.isNotFound) return false;
      throw err;
    }
  }

  async #deletePersons(
    jobId: string,
    collectionId: string,
    finder: RelatedAnalysesFinder,
    opts: DeletionRunOptions,
  ): Promise<void> {
    for (const personId of this.#store.pendingPersons(jobId)) {
      opts.signal?.throwIfAborted();
      this.#emit(opts, this.#job(jobId), personId);
      let deletedAnalyses = 0;
      try {
        const outcome = await deletePerson(
          this.#client,
          { collectionId, personId, confirmDeleteAnalyses: true },
          { signal: opts.signal, finder },
        );
        if (outcome.status === 'deleted') deletedAnalyses = outcome.deletedAnalyses.length;
      } catch (err) {
        if (!(err instanceof OzApiError && err.isNotFound)) throw err;
      }
      this.#store.markPersonDone(jobId, personId, deletedAnalyses);
    }
  }

  /** Null when the collection is gone; the server's refusal when persons may remain (see isMaybeBlocked). */
  async #deleteCollection(jobId: string, collectionId: string, opts: DeletionRunOptions): Promise<OzApiError | null> {
    this.#emit(opts, this.#job(jobId));
    try {
      await this.#client.deleteCollection(collectionId, { signal: opts.signal });
    } catch (err) {
      if (isMaybeBlocked(err)) return err;
      if (!(err instanceof OzApiError && err.isNotFound)) throw err;
    }
    return null;
  }

  #job(jobId: string): DeletionJob {
    const job = this.#store.get(jobId);
    if (job === null) throw new Error(`Unknown deletion job ${jobId}`);
    return job;
  }

  #emit(opts: DeletionRunOptions, job: DeletionJob, current?: string): void {
    if (opts.onProgress === undefined) return;
    const base = { jobId: job.jobId, phase: job.phase, done: job.done, total: job.total };
    opts.onProgress(current === undefined ? base : { ...base, current });
  }
}
