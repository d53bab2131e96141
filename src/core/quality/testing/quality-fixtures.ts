import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { FaceBox, FaceDetection } from '../../../shared/domain/quality.js';
import { cropToFace } from '../crop-to-face.js';
import type { FaceDetector } from '../face-detector.js';
import { decodeForDetection } from '../decode.js';

const requireHere = createRequire(import.meta.url);
const demoDir = join(dirname(requireHere.resolve('@vladmandic/face-api')), '..', 'demo');

/** @vladmandic/face-api's group photos (1920 px wide, 3–5 people each) as JPEG bytes. */
export function sampleJpeg(n: number): Promise<Buffer> {
  return sharp(join(demoDir, `sample${n}.jpg`)).jpeg({ quality: 95 }).toBuffer();
}

/**
 * Faces in the samples that look at the camera, by the centre of their box in the 1920 px
 * photo (found by running the detector and looking at the crops). The others are turned or
 * leaning more than 15°, as people in group photos do.
 */
export const FRONTAL_FACES: readonly { readonly sample: number; readonly cx: number; readonly cy: number }[] = [
  { sample: 3, cx: 1575, cy: 445 },
  { sample: 3, cx: 1185, cy: 370 },
  { sample: 3, cx: 695, cy: 475 },
  { sample: 5, cx: 460, cy: 1030 },
  { sample: 5, cx: 1200, cy: 330 },
  { sample: 5, cx: 863, cy: 229 },
  { sample: 6, cx: 1590, cy: 420 },
  { sample: 6, cx: 775, cy: 485 },
  { sample: 6, cx: 355, cy: 635 },
];

const centreDistance = (b: FaceBox, cx: number, cy: number): number => Math.hypot(b.x + b.width / 2 - cx, b.y + b.height / 2 - cy);

export async function detectIn(detector: FaceDetector, jpeg: Buffer): Promise<readonly FaceDetection[]> {
  const input = await decodeForDetection(jpeg);
  return detector.detect(input.image, input.scale);
}

/** A portrait crop (3:4, face about half the height) of the face nearest (cx, cy). */
export async function portraitOf(detector: FaceDetector, sample: number, cx: number, cy: number): Promise<Buffer> {
  const jpeg = await sampleJpeg(sample);
  const faces = await detectIn(detector, jpeg);
  const nearest = [...faces].sort((a, b) => centreDistance(a.box, cx, cy) - centreDistance(b.box, cx, cy))[0];
  if (!nearest || centreDistance(nearest.box, cx, cy) > 120) throw new Error(`no face near ${cx},${cy} in sample${sample}`);
  return (await cropToFace(jpeg, nearest.box)).jpeg;
}
