import type { PhotoReportView } from '../../../shared/domain/enroll.js';
import { assertNever } from '../../../shared/result.js';

/** A short name for why a photo is not used; the pipeline's message gives the detail. */
export function reasonLabel(reason: PhotoReportView['reason']): string {
  if (reason === undefined) return 'not used';
  switch (reason) {
    case 'empty_file':
      return 'empty file';
    case 'too_large_file':
      return 'file too large';
    case 'unreadable':
      return 'cannot be read';
    case 'not_an_image':
      return 'not an image';
    case 'unsupported_format':
      return 'unsupported format';
    case 'truncated':
      return 'damaged file';
    case 'pixel_bomb':
      return 'too many pixels';
    case 'too_small':
      return 'too small';
    case 'animated':
      return 'animated';
    case 'duplicate_in_batch':
      return 'duplicate in this import';
    case 'already_enrolled':
      return 'already enrolled';
    case 'already_queued':
      return 'already queued';
    default:
      return assertNever(reason);
  }
}
