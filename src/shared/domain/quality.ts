import { z } from 'zod';

/** Every reason a face photo is flagged; a closed set the UI can count, filter and translate. */
export const QUALITY_CODES = [
  'no_face',
  'several_faces',
  'face_too_small',
  'face_too_large',
  'face_cut',
  'head_pose',
  'blurred',
  'too_dark',
  'too_bright',
] as const;

export const qualityCodeSchema = z.enum(QUALITY_CODES);
export type QualityCode = z.infer<typeof qualityCodeSchema>;

/** Pixels of the image that was assessed; x/y is the top-left corner. */
export const faceBoxSchema = z
  .object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() })
  .readonly();
export type FaceBox = z.infer<typeof faceBoxSchema>;

export const faceDetectionSchema = z
  .object({
    /**
     * The detector's crop box: blazeface's box enlarged 1.4× and squared, clipped to the
     * image; about twice the face's area. For crops with margin (auto-crop, keep largest
     * face, the webcam overlay), never for measuring the face.
     */
    box: faceBoxSchema,
    /** The face itself: bounding box of the mesh landmarks, unclipped. Size, edge and centring checks use it. */
    extent: faceBoxSchema,
    score: z.number().min(0).max(1),
    /** Head rotation in degrees, 0 when looking straight at the camera. */
    yawDeg: z.number(),
    pitchDeg: z.number(),
    rollDeg: z.number(),
  })
  .readonly();
export type FaceDetection = z.infer<typeof faceDetectionSchema>;

/** Measurements of the face region (greyscale), computed the same way in main and in the renderer. */
export const faceRegionStatsSchema = z
  .object({
    /** Variance of the Laplacian: low means out of focus. */
    sharpness: z.number().min(0),
    /** Smallest variance of the second difference along one direction: low means smeared by motion. */
    directionalSharpness: z.number().min(0),
    /** Mean luminance 0..255. */
    brightness: z.number().min(0).max(255),
    /** Share of pixels at ≤ 5 (crushed shadows). */
    darkClipped: z.number().min(0).max(1),
    /** Share of pixels at ≥ 250 (blown highlights). */
    brightClipped: z.number().min(0).max(1),
  })
  .readonly();
export type FaceRegionStats = z.infer<typeof faceRegionStatsSchema>;

export const qualityIssueSchema = z.object({ code: qualityCodeSchema, message: z.string() }).readonly();
export type QualityIssue = z.infer<typeof qualityIssueSchema>;

export const qualityAssessmentSchema = z
  .object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** Every face found, largest first. */
    faces: z.array(faceDetectionSchema).readonly(),
    /** Measurements of the largest face, when there is one. */
    stats: faceRegionStatsSchema.nullable(),
    /** Empty when the photo passes; otherwise in priority order (the first is the main reason). */
    issues: z.array(qualityIssueSchema).readonly(),
  })
  .readonly();
export type QualityAssessment = z.infer<typeof qualityAssessmentSchema>;

/**
 * The operator accepted a flagged photo anyway; recorded with the enrollment so an auditor
 * sees who overrode which checks and why.
 */
export const qualityOverrideSchema = z
  .object({
    codes: z.array(qualityCodeSchema).min(1).readonly(),
    note: z.string().trim().min(3, 'Say briefly why the photo is accepted anyway.').max(500),
  })
  .readonly();
export type QualityOverride = z.infer<typeof qualityOverrideSchema>;

/** What the import dry run keeps per photo: the verdict, never pixels. */
export const photoQualitySchema = z
  .object({
    passed: z.boolean(),
    issues: z.array(qualityIssueSchema).readonly(),
    faceCount: z.number().int().min(0),
    /** Largest face, for "keep the largest" crops and for drawing. */
    face: faceDetectionSchema.nullable(),
  })
  .readonly();
export type PhotoQuality = z.infer<typeof photoQualitySchema>;
