import sharp from 'sharp';
import type { FaceBox, FaceDetection } from '../../src/shared/domain/quality.js';
import type { FaceDetector } from '../../src/core/quality/face-detector.js';
import { detectIn, FRONTAL_FACES, sampleJpeg } from '../fixtures/quality-fixtures.js';

/**
 * Faces in @vladmandic/face-api's sample photos that look away from the camera, by the
 * centre of their detector box in the 1920 px photo. Chosen by looking at the crops: each
 * is visibly turned (yaw) or leaning (roll) well beyond 15°. Faces that only look down, or
 * are partly hidden by hair or a hand (the profile in sample2), were left out: their label
 * would be a guess, and the profile is no face at all to the detector.
 */
export const TURNED_FACES: readonly { readonly sample: number; readonly cx: number; readonly cy: number; readonly how: 'turned' | 'leaning' }[] = [
  { sample: 4, cx: 324, cy: 335, how: 'turned' },
  { sample: 5, cx: 674, cy: 551, how: 'turned' },
  { sample: 4, cx: 1071, cy: 314, how: 'turned' },
  { sample: 4, cx: 1365, cy: 285, how: 'turned' },
  { sample: 1, cx: 1575, cy: 345, how: 'leaning' },
  { sample: 1, cx: 936, cy: 545, how: 'leaning' },
  { sample: 2, cx: 1545, cy: 284, how: 'leaning' },
  { sample: 4, cx: 749, cy: 201, how: 'leaning' },
  { sample: 5, cx: 1514, cy: 537, how: 'leaning' },
];

export interface SampleImage {
  readonly sample: number;
  readonly jpeg: Buffer;
  readonly width: number;
  readonly height: number;
  /** Every face the detector finds in the photo (used to keep "no face" regions clear of them). */
  readonly faces: readonly FaceDetection[];
}

/** One face of a sample photo with its own extent (mesh bounding box) in the photo's pixels. */
export interface FaceSource {
  readonly id: string;
  readonly image: SampleImage;
  readonly extent: FaceBox;
}

export interface FaceSources {
  readonly samples: readonly SampleImage[];
  readonly frontal: readonly FaceSource[];
  readonly turned: readonly (FaceSource & { readonly how: 'turned' | 'leaning' })[];
}

const centre = (b: FaceBox): readonly [number, number] => [b.x + b.width / 2, b.y + b.height / 2];

function locate(image: SampleImage, cx: number, cy: number): FaceSource {
  const near = image.faces.find((f) => {
    const [x, y] = centre(f.box);
    return Math.hypot(x - cx, y - cy) < 120;
  });
  if (!near) throw new Error(`no face near ${cx},${cy} in sample${image.sample}`);
  return { id: `s${image.sample}-${cx}-${cy}`, image, extent: near.extent };
}

/** The six sample photos, each detected once, and the hand-labelled faces in them. */
export async function loadFaceSources(detector: FaceDetector): Promise<FaceSources> {
  const samples: SampleImage[] = [];
  for (const sample of [1, 2, 3, 4, 5, 6]) {
    const jpeg = await sampleJpeg(sample);
    const { width, height } = await sharp(jpeg).metadata();
    samples.push({ sample, jpeg, width, height, faces: await detectIn(detector, jpeg) });
  }
  const image = (n: number): SampleImage => {
    const found = samples.find((s) => s.sample === n);
    if (!found) throw new Error(`no sample${n}`);
    return found;
  };
  return {
    samples,
    frontal: FRONTAL_FACES.map((f) => locate(image(f.sample), f.cx, f.cy)),
    turned: TURNED_FACES.map((f) => ({ ...locate(image(f.sample), f.cx, f.cy), how: f.how })),
  };
}
