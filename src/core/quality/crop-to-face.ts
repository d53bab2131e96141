import sharp from 'sharp';
import type { FaceBox } from '../../shared/domain/quality.js';
import { portraitRegion, type CropRegion, type PortraitOptions } from '../images/auto-crop.js';

export interface FaceCrop {
  readonly jpeg: Buffer;
  /** Where the crop came from, in the source's upright pixels. */
  readonly region: CropRegion;
  readonly width: number;
  readonly height: number;
}

export interface CropToFaceOptions extends PortraitOptions {
  /** The pipeline refuses photos whose short side is under 480 px; smaller crops are enlarged to it. */
  readonly minShortSide?: number;
}

/**
 * A portrait crop (3:4, face about half the height) around one face, for "keep the largest"
 * or "keep this one" on a group photo. The result is a JPEG to run through the pipeline.
 */
export async function cropToFace(jpeg: Buffer, box: FaceBox, options: CropToFaceOptions = {}): Promise<FaceCrop> {
  const region = portraitRegion((await sharp(jpeg).metadata()).autoOrient, box, options);
  const minShortSide = options.minShortSide ?? 480;
  const enlarge = Math.max(1, minShortSide / Math.min(region.width, region.height));
  const pipeline = sharp(jpeg).autoOrient().extract(region);
  if (enlarge > 1) pipeline.resize({ width: Math.ceil(region.width * enlarge), kernel: 'lanczos3' });
  const { data, info } = await pipeline.jpeg({ quality: 92 }).toBuffer({ resolveWithObject: true });
  return { jpeg: data, region, width: info.width, height: info.height };
}
