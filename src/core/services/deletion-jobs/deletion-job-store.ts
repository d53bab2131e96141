export type DeletionPhase = 'listing' | 'deleting-persons' | 'deleting-collection' | 'done';

export interface DeletionJob {
  readonly jobId: string;
  readonly collectionId: string;
  readonly phase: DeletionPhase;
  /** Persons known to the job, and how many of them are gone. */
  readonly total: number;
  readonly done: number;
  readonly deletedAnalyses: number;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Durable state of collection deletions, so a new process can finish what a crash left. */
export interface DeletionJobStore {
  create(collectionId: string): DeletionJob;
  get(jobId: string): DeletionJob | null;
  listUnfinished(): readonly DeletionJob[];
  setPhase(jobId: string, phase: DeletionPhase): void;
  /** Idempotent: persons already known keep their state. */
  addPersons(jobId: string, personIds: readonly string[]): void;
  pendingPersons(jobId: string): readonly string[];
  knownPersons(jobId: string): readonly string[];
  markPersonDone(jobId: string, personId: string, deletedAnalyses: number): void;
  recordError(jobId: string, message: string | null): void;
}
