/** Every reason a file is refused as an enrollment photo; a closed set the UI can count and filter. */
export type RefusalReason =
  | 'empty_file'
  | 'too_large_file'
  | 'unreadable'
  | 'not_an_image'
  | 'unsupported_format'
  | 'truncated'
  | 'pixel_bomb'
  | 'too_small'
  | 'animated';

export const REFUSAL_REASONS: readonly RefusalReason[] = [
  'empty_file',
  'too_large_file',
  'unreadable',
  'not_an_image',
  'unsupported_format',
  'truncated',
  'pixel_bomb',
  'too_small',
  'animated',
];

export interface PhotoRefusal {
  readonly ok: false;
  readonly reason: RefusalReason;
  readonly message: string;
}

export const refuse = (reason: RefusalReason, message: string): PhotoRefusal => ({ ok: false, reason, message });
