import { describe, expect, it } from 'vitest';
import { defaultTagsFor, isOzTag, orientationTagFor, ozTagListSchema, ozTagSchema } from './tags.js';

describe('Oz tags', () => {
  it('accepts the documented photo, orientation and video tags', () => {
    for (const tag of ['photo_selfie', 'photo_id', 'photo_id_front', 'photo_id_back', 'orientation_portrait', 'orientation_landscape', 'video_selfie_blank']) {
      expect(ozTagSchema.safeParse(tag).success, tag).toBe(true);
    }
  });

  it('rejects anything else, including near misses', () => {
    for (const tag of ['selfie', 'PHOTO_SELFIE', 'photo_selfie ', 'orientation_square', '']) {
      expect(ozTagSchema.safeParse(tag).success, tag).toBe(false);
      expect(isOzTag(tag)).toBe(false);
    }
    expect(ozTagListSchema.safeParse(['photo_selfie', 'bogus']).success).toBe(false);
  });

  it('derives the orientation from the output size; a square photo is portrait', () => {
    expect(orientationTagFor({ width: 600, height: 800 })).toBe('orientation_portrait');
    expect(orientationTagFor({ width: 800, height: 600 })).toBe('orientation_landscape');
    expect(orientationTagFor({ width: 700, height: 700 })).toBe('orientation_portrait');
  });

  it('tags files and webcam captures as a selfie photo plus orientation', () => {
    expect(defaultTagsFor({ width: 1280, height: 720, source: 'webcam' })).toEqual(['photo_selfie', 'orientation_landscape']);
    expect(defaultTagsFor({ width: 600, height: 900, source: 'file' })).toEqual(['photo_selfie', 'orientation_portrait']);
  });
});
