import sharp from 'sharp';
import type { FaceBox } from '../../src/shared/domain/quality.js';
import type { SampleImage } from './face-sources.js';
import type { FramedPhoto } from './framing.js';
import { WALL } from './good-portraits.js';
import type { EvalPhoto } from './labels.js';

const side = (photos: readonly FramedPhoto[], height: number): Promise<Buffer> =>
  Promise.all(photos.map((p) => sharp(p.jpeg).resize({ height }).toBuffer())).then((parts) =>
    sharp(parts, { join: { across: parts.length, shim: 0, background: WALL } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );

/**
 * Two good portraits side by side (two people at the desk), and the group photos themselves.
 * Not three across: Human squeezes the whole frame into blazeface's square input, so faces in
 * a panorama are narrowed past recognition, and no desk photo looks like that.
 */
export async function severalFaces(portraits: readonly FramedPhoto[], close: readonly FramedPhoto[], samples: readonly SampleImage[]): Promise<readonly EvalPhoto[]> {
  const out: EvalPhoto[] = [];
  const pick = (list: readonly FramedPhoto[], i: number): FramedPhoto => list[i % list.length] as FramedPhoto;
  for (let i = 0; i < portraits.length; i += 1) {
    out.push({ name: `pair-${i}.jpg`, label: 'several_faces', how: 'two portraits side by side', jpeg: await side([pick(portraits, i), pick(portraits, i + 1)], 800) });
    out.push({ name: `pair-close-${i}.jpg`, label: 'several_faces', how: 'two closer portraits side by side', jpeg: await side([pick(close, i), pick(close, i + 4)], 720) });
  }
  for (const s of samples) out.push({ name: `group-${s.sample}.jpg`, label: 'several_faces', how: `group photo sample${s.sample}`, jpeg: s.jpeg });
  return out;
}

/** A good portrait shrunk onto a large wall: a far-away shot with the face a few per cent of the frame. */
export async function tinyFaces(portraits: readonly FramedPhoto[]): Promise<readonly EvalPhoto[]> {
  // Face 11–13 % of the frame's height: below the 15 % floor, still large enough for
  // blazeface (the whole frame is squeezed into its 256 px input; at 10 % it starts to miss).
  const frames = [
    { width: 1920, height: 1080, share: 0.11 },
    { width: 1600, height: 1200, share: 0.13 },
  ] as const;
  const out: EvalPhoto[] = [];
  for (const [i, p] of portraits.entries()) {
    for (const [k, f] of frames.entries()) {
      const scale = (f.share * f.height) / p.extent.height;
      const person = await sharp(p.jpeg).resize({ width: Math.round(p.width * scale) }).toBuffer({ resolveWithObject: true });
      const left = Math.round(((i + k) % 3) * 0.3 * (f.width - person.info.width) + 0.05 * f.width);
      const top = Math.round(((i + 2 * k) % 3) * 0.3 * (f.height - person.info.height) + 0.05 * f.height);
      const jpeg = await sharp({ create: { width: f.width, height: f.height, channels: 3, background: WALL } })
        .composite([{ input: person.data, left, top }])
        .jpeg({ quality: 90 })
        .toBuffer();
      out.push({ name: `${i}-${k}.jpg`, label: 'tiny_face', how: `${f.width}×${f.height} frame, face ${f.share * 100} % of its height`, jpeg });
    }
  }
  return out;
}

const overlaps = (a: FaceBox, r: { left: number; top: number; width: number; height: number }): boolean =>
  a.x < r.left + r.width && a.x + a.width > r.left && a.y < r.top + r.height && a.y + a.height > r.top;

/** Enlarged by half again on each side, so no chin or forehead reaches into a "no face" region. */
const padded = (b: FaceBox): FaceBox => ({ x: b.x - b.width / 2, y: b.y - b.height / 2, width: b.width * 2, height: b.height * 2 });

/**
 * Regions of the group photos that hold no face (walls, clothes, furniture), at most three
 * per photo, plus a plain wall, a gradient and noise.
 */
export async function noFaces(samples: readonly SampleImage[]): Promise<readonly EvalPhoto[]> {
  const out: EvalPhoto[] = [];
  for (const s of samples) {
    let found = 0;
    for (let top = s.height - 480; top >= 0 && found < 3; top -= 160) {
      for (let left = 0; left + 640 <= s.width && found < 3; left += 320) {
        const region = { left, top, width: 640, height: 480 };
        if (s.faces.some((f) => overlaps(padded(f.box), region))) continue;
        out.push({ name: `s${s.sample}-${left}-${top}.jpg`, label: 'no_face', how: `sample${s.sample} region without people's faces`, jpeg: await sharp(s.jpeg).extract(region).jpeg({ quality: 90 }).toBuffer() });
        found += 1;
        left += 320;
      }
    }
  }
  const noise = Buffer.from(Array.from({ length: 320 * 240 * 3 }, (_, i) => (i * 2654435761) % 251));
  out.push(
    { name: 'wall.jpg', label: 'no_face', how: 'plain wall', jpeg: await sharp({ create: { width: 800, height: 600, channels: 3, background: WALL } }).jpeg().toBuffer() },
    { name: 'noise.jpg', label: 'no_face', how: 'coloured noise', jpeg: await sharp(noise, { raw: { width: 320, height: 240, channels: 3 } }).resize({ width: 800 }).jpeg().toBuffer() },
  );
  return out;
}
