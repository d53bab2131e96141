import { shell } from 'electron';

/** Hosts the app may hand to the system browser (documentation links); exact matches only. */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = ['ozforensics.com', 'www.ozforensics.com', 'doc.ozforensics.com'];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    EXTERNAL_HOST_ALLOWLIST.includes(parsed.hostname)
  );
}

/** The only way the app opens anything outside itself: allowlisted https links in the browser. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}
