import type { FaceBox } from '../../shared/domain/quality.js';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Whole pixels of the upright image, ready for sharp's extract(). */
export interface CropRegion {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface PortraitOptions {
  /** Face box height over crop height (ICAO-style head-and-shoulders portrait: about half). */
  readonly faceHeightShare?: number;
  /** Width over height of the crop; 3:4 portrait. */
  readonly aspect?: number;
}

/**
 * A portrait box around the face: 3:4, the face about half its height, the face centre a
 * little above the middle (room for shoulders). Shifted to stay inside the image, and shrunk
 * (keeping the aspect) when the image is smaller than the ideal box.
 */
export function portraitRegion(image: ImageSize, face: FaceBox, options: PortraitOptions = {}): CropRegion {
  const share = options.faceHeightShare ?? 0.5;
  const aspect = options.aspect ?? 3 / 4;
  let height = face.height / share;
  let width = height * aspect;
  const fit = Math.min(1, image.width / width, image.height / height);
  height *= fit;
  width *= fit;
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2;
  const clamp = (v: number, max: number): number => Math.min(Math.max(0, v), Math.max(0, max));
  const left = Math.round(clamp(cx - width / 2, image.width - width));
  const top = Math.round(clamp(cy - height * 0.45, image.height - height));
  return {
    left,
    top,
    width: Math.min(Math.round(width), image.width - left),
    height: Math.min(Math.round(height), image.height - top),
  };
}

export interface AutoCropOptions extends PortraitOptions {
  /** Crop only when the face covers less than this share of the frame. */
  readonly maxFaceArea?: number;
  /** ...and the portrait box keeps at least this short side (the pipeline's minimum). */
  readonly minShortSide?: number;
}

/**
 * Whether to crop a photo whose face is small in a large frame (a far-away shot from a
 * 24 MP camera), and where: the portrait box, or null to leave the photo as it is. Run on
 * the upright source before the pipeline's resize, so the crop keeps the source's detail.
 */
export function planAutoCrop(imageSize: ImageSize, faceBox: FaceBox, options: AutoCropOptions = {}): CropRegion | null {
  const maxFaceArea = options.maxFaceArea ?? 0.1;
  const minShortSide = options.minShortSide ?? 480;
  const share = (faceBox.width * faceBox.height) / (imageSize.width * imageSize.height);
  if (share >= maxFaceArea) return null;
  const region = portraitRegion(imageSize, faceBox, options);
  if (Math.min(region.width, region.height) < minShortSide) return null;
  return region;
}
