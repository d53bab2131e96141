import { randomUUID } from 'node:crypto';
import type { PhotoQuality } from '../../../shared/domain/quality.js';
import type { ProcessedPhoto } from '../../images/process-photo.js';

/** A processed webcam frame and its quality verdict (null when the desk has no detector). */
export interface HeldCapture {
  readonly photo: ProcessedPhoto;
  readonly quality: PhotoQuality | null;
}

/**
 * Webcam captures processed in main, kept in memory until enrolled: the renderer holds
 * only an id and a thumbnail. Bounded, oldest first out, so retakes cannot grow it.
 */
export class CaptureStore {
  readonly #items = new Map<string, HeldCapture>();

  constructor(private readonly capacity = 24) {}

  put(photo: ProcessedPhoto, quality: PhotoQuality | null = null): string {
    const id = randomUUID();
    this.#items.set(id, { photo, quality });
    while (this.#items.size > this.capacity) {
      const oldest = this.#items.keys().next().value;
      if (oldest === undefined) break;
      this.#items.delete(oldest);
    }
    return id;
  }

  get(id: string): HeldCapture | null {
    return this.#items.get(id) ?? null;
  }

  delete(id: string): void {
    this.#items.delete(id);
  }
}
