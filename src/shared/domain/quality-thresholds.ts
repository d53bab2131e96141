import { z } from 'zod';

// Defaults and where each comes from: docs/face-quality.md.
export const qualityThresholdsSchema = z
  .object({
    /** Detector confidence (0..1) under which a candidate is not counted as a face. */
    minFaceScore: z.number().min(0).max(1),
    /** The face's own extent (mesh landmarks' bounding box) over the frame's area. */
    minFaceArea: z.number().min(0).max(1),
    maxFaceArea: z.number().min(0).max(1),
    /** The face's extent height over the frame's height, the measure ICAO / ISO/IEC 19794-5 portraits use. */
    minFaceHeight: z.number().min(0).max(1),
    maxFaceHeight: z.number().min(0).max(1),
    /** Degrees; Oz asks for a head turn of at most 15°. */
    maxYawDeg: z.number().min(0).max(90),
    maxPitchDeg: z.number().min(0).max(90),
    maxRollDeg: z.number().min(0).max(90),
    /** A face extent closer than this share of the frame's width/height to an edge counts as cut. */
    edgeMargin: z.number().min(0).max(0.25),
    /** Variance of the Laplacian of the face region (grey, scaled to 128 px wide) under which the face is blurred. */
    minSharpness: z.number().min(0),
    /** Smallest variance of the second difference along 0°, 45°, 90° or 135° (same region) under which the face is smeared by motion. */
    minDirectionalSharpness: z.number().min(0),
    /** Mean luminance (0..255) of the face region. */
    minBrightness: z.number().min(0).max(255),
    maxBrightness: z.number().min(0).max(255),
    /** Share of face pixels at ≤ 5 or ≥ 250 above which shadows or highlights are clipped. */
    maxClippedFraction: z.number().min(0).max(1),
  })
  .readonly();

export type QualityThresholds = z.infer<typeof qualityThresholdsSchema>;

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  minFaceScore: 0.5,
  minFaceArea: 0.02,
  maxFaceArea: 0.7,
  minFaceHeight: 0.15,
  maxFaceHeight: 0.7,
  maxYawDeg: 15,
  maxPitchDeg: 20,
  maxRollDeg: 15,
  edgeMargin: 0.005,
  minSharpness: 40,
  minDirectionalSharpness: 12,
  minBrightness: 40,
  maxBrightness: 210,
  maxClippedFraction: 0.25,
};

/** A partial change of the defaults, as IT writes it in the desk's settings. */
export const qualityThresholdsOverrideSchema = qualityThresholdsSchema.unwrap().partial().strict().readonly();
export type QualityThresholdsOverride = z.infer<typeof qualityThresholdsOverrideSchema>;

/** The thresholds in force: the defaults with the settings' changes on top. */
export const resolveQualityThresholds = (override: QualityThresholdsOverride | undefined): QualityThresholds => ({
  ...DEFAULT_QUALITY_THRESHOLDS,
  ...override,
});
