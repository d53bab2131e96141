import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { createLimiter } from '../../src/core/images/limiter.js';
import { DEFAULT_PHOTO_LIMITS } from '../../src/core/images/process-photo.js';

/**
 * The physical floor every whole-job ratio is measured against: decode, auto-orient, fit
 * inside 1920 px, JPEG q90 and SHA-256 of the result, two photos in flight. Returns ms.
 */
export async function barePipeline(files: readonly string[], inFlight = 2): Promise<number> {
  const limiter = createLimiter(inFlight);
  const started = performance.now();
  await Promise.all(
    files.map((file) =>
      limiter.run(async () => {
        const jpeg = await sharp(file, { limitInputPixels: DEFAULT_PHOTO_LIMITS.maxInputPixels })
          .autoOrient()
          .resize({ width: DEFAULT_PHOTO_LIMITS.maxSide, height: DEFAULT_PHOTO_LIMITS.maxSide, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: DEFAULT_PHOTO_LIMITS.quality })
          .toBuffer();
        createHash('sha256').update(jpeg).digest('hex');
      }),
    ),
  );
  return performance.now() - started;
}
