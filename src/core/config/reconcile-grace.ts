/**
 * How long, in ms, the desk lets a server go on applying a send whose answer was lost before
 * it sends again (see sync-item.ts). `ENROLL_DESK_RECONCILE_GRACE_MS` sets it for a desk
 * whose server is slower than the default allows for, or for tests that cut links on purpose.
 * Unset or not a whole number of ms ≥ 0: undefined, the worker's default.
 */
export function reconcileGraceFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.ENROLL_DESK_RECONCILE_GRACE_MS?.trim();
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}
