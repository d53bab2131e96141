import { t } from '../../i18n/index.js';
import { toBase64 } from '../../ipc/base64.js';
/** The video's current frame at full resolution as a base64 JPEG (no data: prefix), for main's pipeline. */
export async function captureFrame(video: HTMLVideoElement): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) throw new Error(t('webcam.noPicture'));
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.95));
  if (!blob) throw new Error(t('webcam.frameFailed'));
  return toBase64(new Uint8Array(await blob.arrayBuffer()));
}
