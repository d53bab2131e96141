import { randomUUID } from 'node:crypto';
import type { ProcessedPhoto } from '../../images/process-photo.js';

/**
 * Webcam captures processed in main, kept in memory until enrolled: the renderer holds
 * only an id and a thumbnail. Bounded, oldest first out, so retakes cannot grow it.
 */
export class CaptureStore {
  readonly #items = new Map<string, ProcessedPhoto>();

  constructor(private readonly capacity = 24) {}

  put(photo: ProcessedPhoto): string {
    const id = randomUUID();
    this.#items.set(id, photo);
    while (this.#items.size > this.capacity) {
      const oldest = this.#items.keys().next().value;
      if (oldest === undefined) break;
      this.#items.delete(oldest);
    }
    return id;
  }

  get(id: string): ProcessedPhoto | null {
    return this.#items.get(id) ?? null;
  }

  delete(id: string): void {
    this.#items.delete(id);
  }
}
