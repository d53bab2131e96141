import { LruCache } from './lru-cache.js';

/** Thumbnails as data URLs, newest kept: faces stay in memory only, never on disk. */
export class ThumbnailCache extends LruCache<string> {
  constructor(capacity = 2000) {
    super(capacity);
  }
}

export function toDataUrl(bytes: Uint8Array, contentType: string | null): string {
  const type = contentType !== null && /^image\/(jpeg|png|webp)$/u.test(contentType.split(';')[0]?.trim() ?? '') ? contentType.split(';')[0]?.trim() : 'image/jpeg';
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
