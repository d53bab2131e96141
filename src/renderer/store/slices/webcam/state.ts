import type { PersonResult } from '../../../../shared/domain/enroll.js';
import type { PhotoQuality } from '../../../../shared/domain/quality.js';
import type { OzTag } from '../../../../shared/domain/tags.js';
import type { AppError } from '../../../../shared/result.js';

/** A frame processed in main: the renderer keeps only its id, thumbnail and tags. */
export interface CapturedPhoto {
  readonly captureId: string;
  readonly thumbnail: string;
  readonly width: number;
  readonly height: number;
  readonly tags: readonly OzTag[];
  /** Main's face-quality verdict on the capture; null when the desk has no detector. */
  readonly quality: PhotoQuality | null;
  /** Why a flagged capture is enrolled anyway (required for a flagged one). */
  readonly qualityNote: string;
}

export interface WebcamName {
  readonly first: string;
  readonly middle: string;
  readonly last: string;
}

export interface WebcamState {
  readonly webcamName: WebcamName;
  readonly captures: readonly CapturedPhoto[];
  readonly processingCapture: boolean;
  /** Why the last frame was refused (the pipeline's words), or null. */
  readonly captureRefusal: string | null;
  readonly webcamConsent: boolean;
  readonly webcamEnrolling: boolean;
  readonly webcamResult: PersonResult | null;
  readonly webcamError: AppError | null;
}

export interface WebcamActions {
  setWebcamName(patch: Partial<WebcamName>): void;
  /** Sends a frame (base64 JPEG) through main's pipeline; resolves true when accepted. */
  captureFrame(dataBase64: string, mirrored: boolean): Promise<boolean>;
  removeCapture(captureId: string): void;
  toggleCaptureTag(captureId: string, tag: OzTag): void;
  /** The tag editor's whole choice for one capture. */
  setCaptureTags(captureId: string, tags: readonly OzTag[]): void;
  setCaptureNote(captureId: string, note: string): void;
  setWebcamConsent(confirmed: boolean): void;
  enrollWebcamPerson(): Promise<void>;
  /** Clears the form for the next person. */
  resetWebcam(): void;
}

export type WebcamSlice = WebcamState & WebcamActions;

export const initialWebcamState: WebcamState = {
  webcamName: { first: '', middle: '', last: '' },
  captures: [],
  processingCapture: false,
  captureRefusal: null,
  webcamConsent: false,
  webcamEnrolling: false,
  webcamResult: null,
  webcamError: null,
};
