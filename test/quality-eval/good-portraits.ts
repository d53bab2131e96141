import sharp from 'sharp';
import type { FaceSource } from './face-sources.js';
import { frameFace, type FramedPhoto, type Framing } from './framing.js';
import type { EvalPhoto } from './labels.js';

/** 3:4 head-and-shoulders portrait, 600×800, face a third of the height: the "well-framed portrait". */
export const PORTRAIT: Framing = { heightShare: 1 / 3, aspect: 3 / 4, width: 600 };
/** Closer, off-centre. */
export const CLOSE_PORTRAIT: Framing = { heightShare: 0.42, aspect: 3 / 4, width: 540, quality: 85 };
/**
 * Passport style, 35×45 mm: ICAO asks for a chin-to-crown head height of 70–80 % of the
 * photo; the face's mesh extent (chin to upper forehead) is about 0.7 of the head height on
 * these photos, so 0.55 puts the head at about 78 %.
 */
export const PASSPORT: Framing = { heightShare: 0.55, aspect: 35 / 45, at: [0.5, 0.52], width: 480, quality: 92 };
/** Farther away, smaller photo, lower JPEG quality. */
export const FAR_PORTRAIT: Framing = { heightShare: 0.26, aspect: 3 / 4, at: [0.5, 0.42], width: 480, quality: 70 };

export const WALL = '#8d96a0';

/** A 640×480 desk-webcam frame: the portrait standing in front of a plain wall, at `left`. */
export async function webcamFrame(portrait: FramedPhoto, left: number): Promise<Buffer> {
  const person = await sharp(portrait.jpeg).resize({ height: 480 }).toBuffer({ resolveWithObject: true });
  const x = Math.min(left, 640 - person.info.width);
  return sharp({ create: { width: 640, height: 480, channels: 3, background: WALL } })
    .composite([{ input: person.data, left: x, top: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

export interface GoodPortraits {
  readonly photos: readonly EvalPhoto[];
  /** Per frontal face, the 600×800 portrait and the closer one, which the defects are derived from. */
  readonly portraits: readonly FramedPhoto[];
  readonly close: readonly FramedPhoto[];
}

/** Five framings of each frontal face: ≥ 40 good photos at several scales and positions. */
export async function goodPortraits(frontal: readonly FaceSource[]): Promise<GoodPortraits> {
  const photos: EvalPhoto[] = [];
  const portraits: FramedPhoto[] = [];
  const close: FramedPhoto[] = [];
  for (const [i, face] of frontal.entries()) {
    const portrait = await frameFace(face, PORTRAIT);
    const reencoded = await sharp(portrait.jpeg).jpeg({ quality: 75 }).toBuffer();
    const near = await frameFace(face, { ...CLOSE_PORTRAIT, at: [i % 2 ? 0.42 : 0.58, 0.45] });
    portraits.push(portrait);
    close.push(near);
    photos.push(
      { name: `${face.id}-portrait.jpg`, label: 'good', how: '600×800 portrait, face 1/3 of the height, re-encoded at q75', jpeg: reencoded },
      { name: `${face.id}-close.jpg`, label: 'good', how: '540 px portrait, face 42 % of the height, off-centre', jpeg: near.jpeg },
      { name: `${face.id}-passport.jpg`, label: 'good', how: '35:45 passport crop, face 55 % of the height (head ≈ 78 %)', jpeg: (await frameFace(face, PASSPORT)).jpeg },
      { name: `${face.id}-far.jpg`, label: 'good', how: '480 px portrait, face 26 % of the height, q70', jpeg: (await frameFace(face, FAR_PORTRAIT)).jpeg },
      { name: `${face.id}-webcam.jpg`, label: 'good', how: '640×480 webcam frame, person in front of a wall', jpeg: await webcamFrame(portrait, [0, 140, 280][i % 3] ?? 0) },
    );
  }
  return { photos, portraits, close };
}
