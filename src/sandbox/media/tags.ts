// Oz media tags (photo and video families); video_selfie_<action> covers every gesture tag.
const fixedTags: ReadonlySet<string> = new Set([
  'photo_selfie',
  'photo_id',
  'photo_id_front',
  'photo_id_back',
  'video_selfie',
  'orientation_portrait',
  'orientation_landscape',
]);

const gestureTag = /^video_selfie_[a-z0-9_]+$/;

export const isOzTag = (tag: string): boolean => fixedTags.has(tag) || gestureTag.test(tag);
