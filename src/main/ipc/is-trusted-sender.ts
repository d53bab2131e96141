import { isTrustedUrl } from '../security/app-origin.js';

/** The parts of Electron's WebFrameMain the trust decision reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
  readonly top: SenderFrame | null;
}

/**
 * A call is trusted only from the top-level frame of a page on the app's own origin:
 * never from a subframe, a foreign page, or a frame that is already gone.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, origins: readonly string[]): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null || frame.top !== frame) return false;
  return isTrustedUrl(frame.url, origins);
}
