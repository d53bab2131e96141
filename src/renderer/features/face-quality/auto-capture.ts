/** How long every check must keep passing before the photo is taken by itself. */
export const AUTO_CAPTURE_HOLD_MS = 1000;

/**
 * Fires at most once per arming: when all checks have passed for `holdMs`. Pure, so the
 * hook stays a thin wrapper and the rule is tested without a browser.
 */
export function createAutoCaptureGate(holdMs = AUTO_CAPTURE_HOLD_MS): {
  shouldFire(allPassedFor: number): boolean;
  rearm(): void;
  readonly fired: boolean;
} {
  let fired = false;
  return {
    shouldFire(allPassedFor) {
      if (fired || allPassedFor < holdMs) return false;
      fired = true;
      return true;
    },
    rearm() {
      fired = false;
    },
    get fired() {
      return fired;
    },
  };
}
