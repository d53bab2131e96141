// Sharp's pixel buffers (several MB each, freed and taken again from a few threads) raise
// glibc's dynamic mmap threshold, after which they come from the arenas and stay there: RSS
// of a long import grows with the photo count. A fixed threshold returns each buffer to the
// system when freed. glibc reads it only at process start, so a long-running desk process
// (the app, browser mode, the CLI's import and sync) starts itself again with it set.
// bin/enroll-desk (plain JavaScript, run before any TypeScript) holds the same values;
// test/build/cli-start.test.ts checks that they agree.
export const MALLOC_TUNING: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** Turns the tuning off (for a comparison run, or a system whose allocator is not glibc's). */
const MALLOC_TUNING_SWITCH = 'ENROLL_DESK_MALLOC_TUNING';

/**
 * The variables to start the process again with, or null when it already runs as wanted:
 * not Linux (glibc), switched off, or any of the variables already set (by us or the user).
 */
export function mallocTuningToApply(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Readonly<Record<string, string>> | null {
  if (platform !== 'linux' || env[MALLOC_TUNING_SWITCH] === 'off') return null;
  if (Object.keys(MALLOC_TUNING).some((name) => env[name] !== undefined)) return null;
  return MALLOC_TUNING;
}

/** The environment a desk process runs under once tuned (what a spawned desk process gets). */
export function tunedEnvironment(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, ...(mallocTuningToApply(platform, env) ?? {}) };
}

export interface ExecveProcess {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly execPath: string;
  readonly execArgv: readonly string[];
  readonly argv: readonly string[];
  readonly execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never;
}

/**
 * Replaces a Node process with itself under the tuned environment (execve: same process id,
 * same signals, same standard streams). Returns only when there is nothing to do, or when
 * this Node has no process.execve (then the process goes on untuned).
 */
export function execveWithTunedMalloc(proc: ExecveProcess): void {
  const tuning = mallocTuningToApply(proc.platform, proc.env);
  if (tuning === null || typeof proc.execve !== 'function') return;
  proc.execve(proc.execPath, [proc.execPath, ...proc.execArgv, ...proc.argv.slice(1)], { ...proc.env, ...tuning });
}
