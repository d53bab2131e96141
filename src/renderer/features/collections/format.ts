import { formatTime } from '../../store/slices/sync/selectors.js';

/** Dates the way operators read them: local, day and time. */
export function formatDate(epochSeconds: number | null): string {
  if (epochSeconds === null) return '—';
  return new Date(epochSeconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatAsOf(epochMs: number): string {
  return epochMs <= 0 ? 'never' : formatTime(epochMs);
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function displayName(name: { readonly first: string; readonly middle: string; readonly last: string }): string {
  const full = [name.first, name.middle, name.last].filter((p) => p !== '').join(' ');
  return full === '' ? '(no name)' : full;
}

/** "1 photo", "2 photos". */
export function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
