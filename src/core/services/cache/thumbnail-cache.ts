/** Thumbnails as data URLs, newest kept: faces stay in memory only, never on disk. */
export class ThumbnailCache {
  readonly #entries = new Map<string, string>();

  constructor(private readonly capacity = 2000) {}

  get(url: string): string | undefined {
    const hit = this.#entries.get(url);
    if (hit !== undefined) {
      this.#entries.delete(url);
      this.#entries.set(url, hit);
    }
    return hit;
  }

  set(url: string, dataUrl: string): void {
    this.#entries.delete(url);
    this.#entries.set(url, dataUrl);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}

export function toDataUrl(bytes: Uint8Array, contentType: string | null): string {
  const type = contentType !== null && /^image\/(jpeg|png|webp)$/u.test(contentType.split(';')[0]?.trim() ?? '') ? contentType.split(';')[0]?.trim() : 'image/jpeg';
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
