import { describe, expect, it } from 'vitest';
import { uniqueFace } from '../../../test/fixtures/corpus.js';
import { createPhotoProcessor } from './photo-processor.js';
import type { PhotoInput } from './load-source.js';
import type { PhotoLimits } from './photo-limits.js';
import { processPhoto } from './process-photo.js';

describe('createPhotoProcessor', () => {
  it('keeps at most 2 real photos in flight', async () => {
    const inputs = await Promise.all(Array.from({ length: 8 }, async (_, i) => ({ bytes: await (await uniqueFace(i)).resize({ width: 1400 }).jpeg().toBuffer() })));
    let running = 0;
    let peak = 0;
    const processor = createPhotoProcessor({
      concurrency: 2,
      run: async (input: PhotoInput, limits: Partial<PhotoLimits>) => {
        running += 1;
        peak = Math.max(peak, running);
        try {
          return await processPhoto(input, limits);
        } finally {
          running -= 1;
        }
      },
    });
    const results = await Promise.all(inputs.map((input) => processor.process(input)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(2);
    expect(processor.active).toBe(0);
  });

  it('defaults to 2 and passes its limits to the pipeline', async () => {
    const processor = createPhotoProcessor({ limits: { minShortSide: 2000 } });
    expect(processor.concurrency).toBe(2);
    const input = { bytes: await (await uniqueFace(3)).jpeg().toBuffer() };
    expect(await processor.process(input)).toMatchObject({ ok: false, reason: 'too_small' });
  });

  it('passes the steps (crop, no thumbnail) through to the pipeline', async () => {
    const processor = createPhotoProcessor();
    const input = { bytes: await (await uniqueFace(5)).jpeg().toBuffer() };
    const result = await processor.process(input, undefined, { crop: { left: 0, top: 0, width: 500, height: 560 }, thumbnail: false });
    expect(result).toMatchObject({ ok: true, width: 500, height: 560, thumbnail: null });
  });

  it('drops queued photos once cancelled, but lets started ones finish', async () => {
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const processor = createPhotoProcessor({
      concurrency: 1,
      run: (input: PhotoInput, limits: Partial<PhotoLimits>) => {
        markStarted();
        return processPhoto(input, limits);
      },
    });
    const controller = new AbortController();
    const input = { bytes: await (await uniqueFace(4)).jpeg().toBuffer() };
    const first = processor.process(input, controller.signal);
    const second = processor.process(input, controller.signal);
    const secondSettled = second.then(
      () => 'resolved',
      (err: unknown) => (err as Error).name,
    );
    await started;
    controller.abort();
    await expect(first).resolves.toMatchObject({ ok: true });
    expect(await secondSettled).toBe('AbortError');
  });
});
