import { useRef } from 'react';
import type { ImportProgress } from '../../../shared/domain/enroll.js';
import { createPaceEstimator, type PaceEstimator, type ProgressPace } from '../../../shared/domain/progress-rate.js';

/** The pace of a progress stream (moving window); starts afresh with each phase. */
export function useProgressPace(progress: ImportProgress | null): ProgressPace | null {
  const state = useRef<{ phase: string | null; estimator: PaceEstimator; seen: ImportProgress | null }>({ phase: null, estimator: createPaceEstimator(), seen: null });
  const current = state.current;
  if (progress === null || progress.phase === 'scanning') return null;
  if (current.phase !== progress.phase) {
    current.phase = progress.phase;
    current.estimator = createPaceEstimator();
  }
  if (current.seen !== progress) {
    current.seen = progress;
    current.estimator.record(progress.done, performance.now());
  }
  return current.estimator.pace(progress.total);
}
