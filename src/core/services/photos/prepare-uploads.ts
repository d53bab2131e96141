import type { PhotoUploadInput } from '../../../shared/domain/persons.js';
import { AppFailure } from '../../errors/app-failure.js';
import type { PhotoProcessor } from '../../images/photo-processor.js';
import type { ProcessedPhoto } from '../../images/process-photo.js';
import type { PhotoUpload } from '../../oz/index.js';

/** Decodes one base64 photo from the renderer. */
export function decodeBase64(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

/** Every photo through the desk's pipeline (orient, resize, strip metadata); any refusal stops the batch. */
export async function prepareUploads(photos: PhotoProcessor, inputs: readonly PhotoUploadInput[]): Promise<readonly (PhotoUpload & { readonly processed: ProcessedPhoto })[]> {
  return Promise.all(
    inputs.map(async (input) => {
      const result = await photos.process({ bytes: decodeBase64(input.base64) });
      if (!result.ok) {
        throw new AppFailure('BAD_INPUT', `${input.fileName}: ${result.message}`, { fileName: input.fileName, reason: result.reason });
      }
      return {
        bytes: new Uint8Array(result.jpeg),
        fileName: input.fileName.replace(/\.[^.]*$/u, '') + '.jpg',
        mimeType: 'image/jpeg',
        tags: input.tags,
        processed: result,
      };
    }),
  );
}
