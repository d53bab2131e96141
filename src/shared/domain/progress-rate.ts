/** Items per second and the time left, from the last few seconds of progress. */
export interface ProgressPace {
  readonly perSecond: number;
  /** Estimated milliseconds until `total`; 0 once done. */
  readonly remainingMs: number;
}

export interface PaceEstimator {
  /** `done` items at `atMs` (any monotonic clock); a count that goes back starts afresh. */
  record(done: number, atMs: number): void;
  /** Null until two readings at least `minSpanMs` apart show progress. */
  pace(total: number): ProgressPace | null;
}

interface Reading {
  readonly done: number;
  readonly atMs: number;
}

/**
 * A moving window over recent readings: the rate follows the current speed (photos of
 * another size, a network that slows) instead of the average since the start.
 */
export function createPaceEstimator({ windowMs = 10_000, minSpanMs = 500 }: { windowMs?: number; minSpanMs?: number } = {}): PaceEstimator {
  let readings: Reading[] = [];
  return {
    record(done, atMs) {
      const last = readings.at(-1);
      if (last !== undefined && (done < last.done || atMs < last.atMs)) readings = [];
      readings.push({ done, atMs });
      // Keep the newest reading older than the window as the far end of it.
      while (readings.length > 2 && atMs - (readings[1] as Reading).atMs >= windowMs) readings.shift();
    },
    pace(total) {
      const first = readings[0];
      const last = readings.at(-1);
      if (first === undefined || last === undefined) return null;
      const span = last.atMs - first.atMs;
      const items = last.done - first.done;
      if (span < minSpanMs || items <= 0) return null;
      const perSecond = (items / span) * 1000;
      return { perSecond, remainingMs: (Math.max(0, total - last.done) / perSecond) * 1000 };
    },
  };
}
