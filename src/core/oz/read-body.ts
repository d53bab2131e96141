import { OzResponseTooLargeError } from './oz-refusals.js';

/** Named caps on what the desk reads from the Oz API; larger answers are refused, not buffered. */
export const RESPONSE_LIMITS = {
  /** JSON bodies: a 500-person page with embedded image records is well under 1 MiB. */
  json: { name: 'JSON response limit', bytes: 8 * 1024 * 1024 },
  /** Photo bytes: Oz accepts uploads up to 10 MB; originals may be re-encoded larger. */
  image: { name: 'image response limit', bytes: 24 * 1024 * 1024 },
  /** An error envelope needs only its first part; the rest is dropped, never refused. */
  error: { name: 'error response limit', bytes: 64 * 1024 },
} as const;

export type ResponseLimit = (typeof RESPONSE_LIMITS)[keyof typeof RESPONSE_LIMITS];

export interface BodyRead {
  readonly bytes: Uint8Array;
  /** True when the body went past the limit and only its start was kept (`truncate` mode). */
  readonly truncated: boolean;
}

/**
 * Reads a response body as a stream, stopping at `limit`: a declared Content-Length over it
 * is refused before any byte is read; a longer stream is cancelled the moment it passes.
 * `overflow: 'truncate'` keeps the first `limit` bytes instead of throwing.
 */
export async function readBody(res: Response, path: string, limit: ResponseLimit, overflow: 'refuse' | 'truncate' = 'refuse'): Promise<BodyRead> {
  const refuse = (): never => {
    throw new OzResponseTooLargeError(path, limit.name, limit.bytes);
  };
  const declared = Number(res.headers.get('content-length'));
  if (overflow === 'refuse' && Number.isFinite(declared) && declared > limit.bytes) {
    await res.body?.cancel().catch(() => undefined);
    refuse();
  }
  if (res.body === null) return { bytes: new Uint8Array(), truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit.bytes) {
      await reader.cancel().catch(() => undefined);
      if (overflow === 'refuse') refuse();
      chunks.push(value.subarray(0, limit.bytes - size));
      return { bytes: concat(chunks, limit.bytes), truncated: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { bytes: concat(chunks, size), truncated: false };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
