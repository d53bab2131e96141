import { createLimiter } from './limiter.js';
import type { PhotoInput } from './load-source.js';
import type { PhotoLimits } from './photo-limits.js';
import { preparePhoto, type PreparedResult } from './prepare-photo.js';
import { processPhoto, type PhotoResult, type PhotoSteps } from './process-photo.js';

export interface PhotoProcessor {
  /** Queues one photo; rejects with the signal's reason if cancelled before its turn. */
  process(input: PhotoInput, signal?: AbortSignal, steps?: PhotoSteps): Promise<PhotoResult>;
  /**
   * The same pipeline, also keeping the decoded pixels and the detection copy. The slot is
   * released as soon as the pixels are ready, so detection runs while sharp takes the next photo.
   */
  prepare(input: PhotoInput, signal?: AbortSignal, steps?: PhotoSteps): Promise<PreparedResult>;
  readonly concurrency: number;
  readonly active: number;
  readonly queued: number;
}

export interface PhotoProcessorOptions {
  /** Images in flight at once; 2 is the measured best on a 2-core desk PC (sharp's own threads stay default). */
  readonly concurrency?: number;
  readonly limits?: Partial<PhotoLimits>;
  /** The pipeline to run; tests wrap the real one to observe it. */
  readonly run?: (input: PhotoInput, limits: Partial<PhotoLimits>, steps: PhotoSteps) => Promise<PhotoResult>;
}

/** Shared by every caller in main (import scan, enroll, webcam) so the total stays bounded. */
export function createPhotoProcessor(options: PhotoProcessorOptions = {}): PhotoProcessor {
  const concurrency = options.concurrency ?? 2;
  const limiter = createLimiter(concurrency);
  const run = options.run ?? processPhoto;
  const limits = options.limits ?? {};
  const inTurn = <T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> =>
    limiter.run(async () => {
      signal?.throwIfAborted();
      return task();
    });
  return {
    process: (input, signal, steps = {}) => inTurn(signal, () => run(input, limits, steps)),
    prepare: (input, signal, steps = {}) => inTurn(signal, () => preparePhoto(input, limits, steps)),
    concurrency,
    get active() {
      return limiter.active;
    },
    get queued() {
      return limiter.queued;
    },
  };
}
