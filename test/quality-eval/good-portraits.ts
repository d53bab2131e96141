import sharp from 'sharp';
import type { FaceSource } from './face-sources.js';
import { frameFace, showsOnlyThisFace, type FramedPhoto, type Framing } from './framing.js';
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
  /** Per frontal face, its first clean 3:4 portrait and the next clean framing: the defects are derived from them. */
  readonly portraits: readonly FramedPhoto[];
  readonly close: readonly FramedPhoto[];
}

interface Candidate {
  readonly framing: Framing;
  readonly how: string;
  readonly name: string;
}

/** Framings tried in turn for each face; the first five that show no neighbour are kept. */
function candidates(i: number): readonly Candidate[] {
  const side = i % 2 ? 0.42 : 0.58;
  return [
    { name: 'portrait', framing: PORTRAIT, how: '600×800 portrait, face 1/3 of the height, re-encoded at q75' },
    { name: 'close', framing: { ...CLOSE_PORTRAIT, at: [side, 0.45] }, how: '540 px portrait, face 42 % of the height, off-centre' },
    { name: 'passport', framing: PASSPORT, how: '35:45 passport crop, face 55 % of the height (head ≈ 78 %)' },
    { name: 'far', framing: FAR_PORTRAIT, how: '480 px portrait, face 26 % of the height, q70' },
    { name: 'close-other-side', framing: { ...CLOSE_PORTRAIT, at: [1 - side, 0.45] }, how: '540 px portrait, face 42 % of the height, off-centre' },
    { name: 'half', framing: { heightShare: 0.5, aspect: 3 / 4, width: 600, quality: 80 }, how: '600×800 portrait, face half the height' },
    { name: 'passport-small', framing: { ...PASSPORT, heightShare: 0.48, width: 420 }, how: '35:45 passport crop, face 48 % of the height (head ≈ 68 %)' },
    { name: 'mid', framing: { heightShare: 0.38, aspect: 4 / 5, at: [0.5, 0.4], width: 560, quality: 88 }, how: '4:5 portrait, face 38 % of the height' },
  ];
}

const PER_FACE = 5;

/**
 * Good photos of each frontal face at several scales and positions (passport crops included),
 * plus a desk-webcam frame made from a portrait that leaves room around the head: five or six
 * per face, ≥ 40 in all.
 */
export async function goodPortraits(frontal: readonly FaceSource[]): Promise<GoodPortraits> {
  const photos: EvalPhoto[] = [];
  const portraits: FramedPhoto[] = [];
  const close: FramedPhoto[] = [];
  for (const [i, face] of frontal.entries()) {
    const kept: FramedPhoto[] = [];
    let webcamBase: FramedPhoto | undefined;
    for (const c of candidates(i).filter((k) => showsOnlyThisFace(face, k.framing)).slice(0, PER_FACE)) {
      const photo = await frameFace(face, c.framing);
      kept.push(photo);
      if (c.framing.heightShare <= 0.42) webcamBase ??= photo;
      const jpeg = c.name === 'portrait' ? await sharp(photo.jpeg).jpeg({ quality: 75 }).toBuffer() : photo.jpeg;
      photos.push({ name: `${face.id}-${c.name}.jpg`, label: 'good', how: c.how, jpeg });
    }
    const [base, next] = kept;
    if (!base || !next) throw new Error(`${face.id} has fewer than two framings without a neighbour`);
    portraits.push(base);
    close.push(next);
    if (webcamBase) {
      photos.push({ name: `${face.id}-webcam.jpg`, label: 'good', how: '640×480 webcam frame, person in front of a wall', jpeg: await webcamFrame(webcamBase, [0, 140, 280][i % 3] ?? 0) });
    }
  }
  return { photos, portraits, close };
}
