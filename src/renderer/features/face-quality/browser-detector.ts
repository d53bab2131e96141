import type { Human } from '@vladmandic/human';
import { confidentFaces } from '../../../shared/domain/quality-checks.js';
import { QUALITY_ASSET_BASE, qualityDetectorConfig, toFaceDetection, type HumanFace } from '../../../shared/domain/quality-detector.js';
import { faceStats, measureRegion, STATS_REGION_WIDTH, toGrey } from '../../../shared/domain/quality-stats.js';
import type { QualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import type { FaceBox, FaceDetection, FaceRegionStats } from '../../../shared/domain/quality.js';

/** One analysed video frame, in the shape evaluateQuality takes. */
export interface FrameAnalysis {
  readonly width: number;
  readonly height: number;
  readonly faces: readonly FaceDetection[];
  readonly largest: FaceDetection | null;
  readonly stats: FaceRegionStats | null;
}

export interface BrowserFaceDetector {
  analyse(video: HTMLVideoElement, thresholds: QualityThresholds): Promise<FrameAnalysis>;
}

let loading: Promise<Human> | null = null;

/**
 * Human with the wasm backend, models and wasm binaries served by the app itself (the
 * build copies them under face-quality/). Loaded once, on first use, as its own chunk.
 */
function loadHuman(): Promise<Human> {
  loading ??= (async () => {
    const base = new URL(QUALITY_ASSET_BASE, document.baseURI).href;
    const { Human: HumanClass } = await import('@vladmandic/human');
    const human = new HumanClass(qualityDetectorConfig(`${base}models/`, `${base}wasm/`));
    await human.load();
    return human;
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** One region of the frame scaled to STATS_REGION_WIDTH, measured exactly as main measures photos. */
function measureBox(video: HTMLVideoElement, box: FaceBox, canvas: HTMLCanvasElement): FaceRegionStats | null {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  const w = Math.min(video.videoWidth, box.x + box.width) - x;
  const h = Math.min(video.videoHeight, box.y + box.height) - y;
  if (w < 2 || h < 2) return null;
  canvas.width = STATS_REGION_WIDTH;
  canvas.height = Math.max(2, Math.round((h / w) * STATS_REGION_WIDTH));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, x, y, w, h, 0, 0, canvas.width, canvas.height);
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return measureRegion(toGrey(data, 4), canvas.width, canvas.height);
}

/** Sharpness of the detector's box, light of the face's own extent, as in main (faceStats). */
function measureFace(video: HTMLVideoElement, face: FaceDetection, canvas: HTMLCanvasElement): FaceRegionStats | null {
  const box = measureBox(video, face.box, canvas);
  const extent = measureBox(video, face.extent, canvas);
  return box && extent ? faceStats(box, extent) : null;
}

export function createBrowserFaceDetector(): BrowserFaceDetector {
  const canvas = document.createElement('canvas');
  return {
    async analyse(video, thresholds) {
      const human = await loadHuman();
      const result = await human.detect(video);
      const faces = confidentFaces(
        result.face.map((f) => toFaceDetection(f as HumanFace)),
        thresholds,
      );
      const largest = faces[0] ?? null;
      return {
        width: video.videoWidth,
        height: video.videoHeight,
        faces,
        largest,
        stats: largest ? measureFace(video, largest, canvas) : null,
      };
    },
  };
}
