import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaceDetector } from '../../src/core/quality/face-detector.js';
import { cutFaces, poseDefects } from './defects-geometry.js';
import { imageDefects } from './defects-image.js';
import { noFaces, severalFaces, tinyFaces } from './defects-scene.js';
import { loadFaceSources } from './face-sources.js';
import { goodPortraits } from './good-portraits.js';
import type { EvalPhoto } from './labels.js';

/** Where the set is written (gitignored): one folder per label and a manifest. */
export const EVAL_SET_DIR = join(import.meta.dirname, '..', 'fixtures', 'quality-eval');

/**
 * The labelled evaluation set, derived from the sample photos at run time: good portraits
 * of the frontal faces, and for each defect photos made from them (or from the faces that
 * really have it). The detector only locates faces in the source photos; labels come from
 * how each photo was made.
 */
export async function buildEvalSet(detector: FaceDetector): Promise<readonly EvalPhoto[]> {
  const sources = await loadFaceSources(detector);
  const good = await goodPortraits(sources.frontal);
  return [
    ...good.photos,
    ...(await imageDefects(good.portraits, good.close)),
    ...(await severalFaces(good.portraits, good.close, sources.samples)),
    ...(await noFaces(sources.samples)),
    ...(await tinyFaces(good.portraits)),
    ...(await cutFaces(sources.frontal, good.portraits)),
    ...(await poseDefects(sources.turned, good.portraits)),
  ];
}

/** Writes the set for inspection: `<label>/<name>` and manifest.json (label, how, file per photo). */
export async function writeEvalSet(photos: readonly EvalPhoto[], dir = EVAL_SET_DIR): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const label of new Set(photos.map((p) => p.label))) await mkdir(join(dir, label), { recursive: true });
  await Promise.all(photos.map((p) => writeFile(join(dir, p.label, p.name), p.jpeg)));
  const manifest = photos.map((p) => ({ file: `${p.label}/${p.name}`, label: p.label, how: p.how }));
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
