import type { HumanFace } from '../../shared/domain/quality-detector.js';

/** Raw RGB pixels (3 bytes per pixel, row by row) sent to the worker; the buffer is transferred. */
export interface DetectRequest {
  readonly id: number;
  readonly rgb: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type DetectReply =
  | { readonly id: number; readonly ok: true; readonly faces: readonly HumanFace[]; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Sent once when the models are loaded (or failed to load). */
export type ReadyMessage = { readonly ready: true } | { readonly ready: false; readonly message: string };
