import type { QualityCode } from '../../src/shared/domain/quality.js';

/** Every label of the evaluation set and the check that must flag it (null: the photo is good). */
export const EVAL_LABELS = {
  good: null,
  blurred: 'blurred',
  dark: 'too_dark',
  over_exposed: 'too_bright',
  several_faces: 'several_faces',
  no_face: 'no_face',
  tiny_face: 'face_too_small',
  cut_left: 'face_cut',
  cut_right: 'face_cut',
  cut_top: 'face_cut',
  cut_bottom: 'face_cut',
  head_turned: 'head_pose',
  head_leaning: 'head_pose',
} as const satisfies Record<string, QualityCode | null>;

export type EvalLabel = keyof typeof EVAL_LABELS;

export interface EvalPhoto {
  /** File name inside the label's folder. */
  readonly name: string;
  readonly label: EvalLabel;
  /** How the photo was made, for the manifest and failure messages. */
  readonly how: string;
  readonly jpeg: Buffer;
}
