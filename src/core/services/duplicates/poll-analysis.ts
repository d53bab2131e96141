import { AppFailure } from '../../errors/app-failure.js';
import type { Analysis, OzClient } from '../../oz/index.js';
import { isTransient, isUnsupported, sleep, withRetry } from './transient.js';

export interface PollPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Give up waiting after this long (Oz lets an analysis run up to 15 min; a desk should not). */
  readonly timeoutMs: number;
}

export const DEFAULT_POLL: PollPolicy = { firstDelayMs: 200, maxDelayMs: 2000, timeoutMs: 60_000 };

export type PollClient = Pick<OzClient, 'getAnalysis' | 'getFolder'>;

// Oz statuses (reference §13): state PROCESSING → FINISHED | FAILED; resolution_status mirrors
// state until finished, then SUCCESS | DECLINED | OPERATOR_REQUIRED. INITIAL and anything
// unknown mean "not yet".
const SETTLED_STATES: ReadonlySet<string> = new Set(['FINISHED', 'FAILED']);
const SETTLED_RESOLUTIONS: ReadonlySet<string> = new Set(['SUCCESS', 'DECLINED', 'OPERATOR_REQUIRED', 'FAILED']);

const upper = (value: string | null): string | null => value?.toUpperCase() ?? null;

export function isSettled(analysis: Analysis): boolean {
  const state = upper(analysis.state);
  const resolution = upper(analysis.resolution);
  return (state !== null && SETTLED_STATES.has(state)) || (resolution !== null && SETTLED_RESOLUTIONS.has(resolution));
}

export function hasFailed(analysis: Analysis): boolean {
  return upper(analysis.state) === 'FAILED' || upper(analysis.resolution) === 'FAILED';
}

/** The analysis by its own route, or (where that route is missing) from its folder. */
async function readAnalysis(client: PollClient, analysis: Analysis, folderId: string, signal?: AbortSignal): Promise<Analysis> {
  try {
    return await withRetry(() => client.getAnalysis(analysis.analysisId, { signal }), undefined, signal);
  } catch (err) {
    if (!(isUnsupported(err) || (err as { isNotFound?: boolean }).isNotFound === true)) throw err;
  }
  const folder = await withRetry(() => client.getFolder(folderId, { signal }), undefined, signal);
  const found = folder.analyses?.find((a) => a.analysisId === analysis.analysisId);
  if (found === undefined) throw new AppFailure('OZ_API', 'The server no longer lists the 1:N check it started.');
  return found;
}

/** Waits, with growing pauses and a hard time limit, until the analysis has a result. */
export async function waitForAnalysis(
  client: PollClient,
  started: Analysis,
  folderId: string,
  opts: { readonly policy?: PollPolicy; readonly signal?: AbortSignal; readonly now?: () => number } = {},
): Promise<Analysis> {
  const policy = opts.policy ?? DEFAULT_POLL;
  const now = opts.now ?? Date.now;
  const deadline = now() + policy.timeoutMs;
  let current = started;
  let delay = policy.firstDelayMs;
  while (!isSettled(current)) {
    if (now() + delay > deadline) {
      throw new AppFailure('TIMEOUT', `Oz did not finish the 1:N check within ${Math.round(policy.timeoutMs / 1000)} s.`);
    }
    await sleep(delay, opts.signal);
    delay = Math.min(policy.maxDelayMs, delay * 2);
    try {
      current = await readAnalysis(client, current, folderId, opts.signal);
    } catch (err) {
      // A server that keeps failing for a moment is waited out, up to the deadline.
      if (!isTransient(err)) throw err;
    }
  }
  return current;
}
