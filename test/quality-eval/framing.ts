import sharp from 'sharp';
import type { FaceBox } from '../../src/shared/domain/quality.js';
import type { FaceSource } from './face-sources.js';

/** A generated photo and where the face's extent lies in it (known by construction). */
export interface FramedPhoto {
  readonly jpeg: Buffer;
  readonly width: number;
  readonly height: number;
  readonly extent: FaceBox;
}

export interface Framing {
  /** Face extent height over frame height. */
  readonly heightShare: number;
  /** Frame width over height. */
  readonly aspect: number;
  /** Where the face extent's centre sits in the frame, as shares of its width and height. */
  readonly at?: readonly [number, number];
  /** Output width in pixels (the crop is resized to it). */
  readonly width: number;
  readonly quality?: number;
}

interface Region {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The crop of the source for a framing, kept inside the photo (which moves the face a little when it must). */
export function framingRegion(source: FaceSource, f: Framing): Region {
  const { extent, image } = source;
  const [ax, ay] = f.at ?? [0.5, 0.45];
  const fit = Math.min(1, image.height / (extent.height / f.heightShare), image.width / ((extent.height / f.heightShare) * f.aspect));
  const height = Math.round((extent.height / f.heightShare) * fit);
  const width = Math.round(height * f.aspect);
  const clamp = (v: number, max: number): number => Math.round(Math.min(Math.max(0, v), max));
  return {
    left: clamp(extent.x + extent.width / 2 - ax * width, image.width - width),
    top: clamp(extent.y + extent.height / 2 - ay * height, image.height - height),
    width,
    height,
  };
}

const overlaps = (b: FaceBox, r: Region): boolean => b.x < r.left + r.width && b.x + b.width > r.left && b.y < r.top + r.height && b.y + b.height > r.top;

/**
 * True when the framing shows no part of another person's face: group photos put neighbours
 * close, and a photo with a second face in it is not a good portrait, whatever the gate says.
 */
export function showsOnlyThisFace(source: FaceSource, f: Framing): boolean {
  const region = framingRegion(source, f);
  const own = source.extent;
  return source.image.faces.every((other) => {
    const e = other.extent;
    const same = Math.abs(e.x - own.x) < 1 && Math.abs(e.y - own.y) < 1;
    return same || !overlaps(e, region);
  });
}

const mapBox = (b: FaceBox, r: Region, scale: number): FaceBox => ({
  x: (b.x - r.left) * scale,
  y: (b.y - r.top) * scale,
  width: b.width * scale,
  height: b.height * scale,
});

/** A photo of one face of a sample, framed as asked: the way a photographer would crop it. */
export async function frameFace(source: FaceSource, f: Framing): Promise<FramedPhoto> {
  const region = framingRegion(source, f);
  const scale = f.width / region.width;
  const { data, info } = await sharp(source.image.jpeg)
    .extract(region)
    // Exact output size: the crop's rounding changes the aspect by under a pixel.
    .resize({ width: f.width, height: Math.round(f.width / f.aspect), fit: 'fill', kernel: 'lanczos3' })
    .jpeg({ quality: f.quality ?? 90 })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height, extent: mapBox(source.extent, region, scale) };
}

export type Edge = 'left' | 'right' | 'top' | 'bottom';

const crosses = (e: FaceBox, edge: Edge, width: number, height: number): boolean =>
  edge === 'left' ? e.x < 0 : edge === 'right' ? e.x + e.width > width : edge === 'top' ? e.y < 0 : e.y + e.height > height;

/**
 * The face framed as `f`, but with the frame's `edge` running through it so that `outside`
 * of the face's extent lies beyond the frame: a badly aimed camera. Null when the sample
 * photo has no pixels on that side to frame it so, or the frame would show a neighbour.
 */
export async function frameCutAtEdge(source: FaceSource, f: Framing, edge: Edge, outside: number): Promise<FramedPhoto | null> {
  const framing = cutFraming(source, f, edge, outside);
  if (!showsOnlyThisFace(source, framing)) return null;
  const photo = await frameFace(source, framing);
  return crosses(photo.extent, edge, photo.width, photo.height) ? photo : null;
}

function cutFraming(source: FaceSource, f: Framing, edge: Edge, outside: number): Framing {
  const e = source.extent;
  const widthShare = (e.width * f.heightShare) / (e.height * f.aspect);
  const inside = 0.5 - outside;
  const at: readonly [number, number] =
    edge === 'left'
      ? [inside * widthShare, 0.45]
      : edge === 'right'
        ? [1 - inside * widthShare, 0.45]
        : edge === 'top'
          ? [0.5, inside * f.heightShare]
          : [0.5, 1 - inside * f.heightShare];
  return { ...f, at };
}
