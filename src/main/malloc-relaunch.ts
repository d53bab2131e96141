import { mallocTuningToApply } from '../core/config/malloc-tuning.js';

export interface RelaunchingApp {
  relaunch(): void;
  exit(code: number): void;
}

/**
 * Starts the desktop app again with glibc's malloc tuned (src/core/config/malloc-tuning.ts)
 * and ends this instance, before any window, lock or data is touched. The variables go into
 * this process's environment, which the relaunched instance inherits. Returns true when it
 * relaunched (the caller then does nothing more).
 */
export function relaunchWithTunedMalloc(app: RelaunchingApp, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  const tuning = mallocTuningToApply(platform, env);
  if (tuning === null) return false;
  Object.assign(env, tuning);
  app.relaunch();
  app.exit(0);
  return true;
}
