import { z } from 'zod';

// Oz media tags (oz-api-research.md §9). Collections use photo_selfie plus an orientation tag;
// the video tags are listed so manifests written for other Oz flows validate with a clear error
// only when a tag is truly unknown.
export const PHOTO_TAGS = ['photo_selfie', 'photo_id', 'photo_id_front', 'photo_id_back'] as const;
export const ORIENTATION_TAGS = ['orientation_portrait', 'orientation_landscape'] as const;
export const VIDEO_TAGS = [
  'video_selfie',
  'video_selfie_left',
  'video_selfie_right',
  'video_selfie_down',
  'video_selfie_high',
  'video_selfie_smile',
  'video_selfie_eyes',
  'video_selfie_scan',
  'video_selfie_blank',
  'video_selfie_oneshot',
  'video_selfie_zoom_in',
  'video_selfie_zoom_out',
] as const;

export const OZ_TAGS = [...PHOTO_TAGS, ...ORIENTATION_TAGS, ...VIDEO_TAGS] as const;

export const ozTagSchema = z.enum(OZ_TAGS);
export type OzTag = z.infer<typeof ozTagSchema>;
export type OrientationTag = (typeof ORIENTATION_TAGS)[number];

export const ozTagListSchema = z.array(ozTagSchema).readonly();

export function isOzTag(value: string): value is OzTag {
  return (OZ_TAGS as readonly string[]).includes(value);
}

export function isOrientationTag(tag: OzTag): tag is OrientationTag {
  return (ORIENTATION_TAGS as readonly string[]).includes(tag);
}

/** A square photo counts as portrait: face photos are framed upright. */
export function orientationTagFor(size: { readonly width: number; readonly height: number }): OrientationTag {
  return size.height >= size.width ? 'orientation_portrait' : 'orientation_landscape';
}

export interface DefaultTagsInput {
  readonly width: number;
  readonly height: number;
  readonly source: 'file' | 'webcam';
}

/** Both a file and a webcam capture are a non-document face photo for a collection person. */
export function defaultTagsFor(input: DefaultTagsInput): readonly OzTag[] {
  return ['photo_selfie', orientationTagFor(input)];
}
