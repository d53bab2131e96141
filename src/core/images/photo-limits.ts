export interface PhotoLimits {
  readonly maxFileBytes: number;
  readonly maxInputPixels: number;
  readonly minShortSide: number;
  readonly maxSide: number;
  readonly quality: number;
  readonly thumbnailSize: number;
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxInputPixels: 100_000_000,
  minShortSide: 480,
  maxSide: 1920,
  quality: 90,
  thumbnailSize: 256,
};
