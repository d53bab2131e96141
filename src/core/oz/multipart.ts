import type { MetaData, PhotoUpload } from './types.js';

/** The JSON keys Oz reads from the `payload` field besides `media:tags`. */
export type PayloadMetaKey = 'person:meta_data' | 'folder:meta_data';

/**
 * Files go in fields `image0..n`, the JSON in `payload` with `media:tags` keyed by
 * those field names. The platform FormData writes the boundary header itself.
 */
export function buildPhotoForm(
  photos: readonly PhotoUpload[],
  meta?: { readonly key: PayloadMetaKey; readonly value: MetaData },
): FormData {
  const form = new FormData();
  const mediaTags: Record<string, readonly string[]> = {};
  photos.forEach((photo, index) => {
    const field = `image${index}`;
    // Blob takes only ArrayBuffer-backed views; the copy also decouples us from the caller.
    form.append(field, new Blob([Uint8Array.from(photo.bytes)], { type: photo.mimeType }), photo.fileName);
    mediaTags[field] = photo.tags;
  });
  const payload: Record<string, unknown> = { 'media:tags': mediaTags };
  if (meta !== undefined) payload[meta.key] = meta.value;
  form.append('payload', JSON.stringify(payload));
  return form;
}
