// Operating-system and sync-tool litter found in folders copied from Windows, macOS or USB sticks.
const JUNK = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini', '$recycle.bin', 'system volume information', '__macosx', 'icon\r']);

/** Hidden entries (dot files, including .DS_Store and AppleDouble "._x") and OS junk are skipped silently. */
export function isIgnoredEntry(name: string): boolean {
  return name.startsWith('.') || JUNK.has(name.toLowerCase());
}
