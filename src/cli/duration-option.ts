import ms from 'ms';

/** The drain's default time budget: long enough for back-offs under a flaky link, short enough for a script. */
export const DEFAULT_WAIT = '3m';

export const WAIT_FLAGS = '--wait <duration>';
export const WAIT_HELP = `how long to keep sending before reporting what is still queued, e.g. 90s, 5m, or 0 to only queue (default ${DEFAULT_WAIT})`;

/** Milliseconds of a duration like "90s", "5m", "1500ms" or "0"; a bare number is seconds. Null when unreadable. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  const value = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : (ms(trimmed as ms.StringValue) as number | undefined);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** "3 minutes", "90 seconds": for messages. */
export const describeDuration = (milliseconds: number): string => ms(milliseconds, { long: true });
