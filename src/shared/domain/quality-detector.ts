import type { FaceDetection } from './quality.js';

// Shared by the detector in main (worker thread) and the one in the renderer, so both see
// faces the same way. Plain data: this layer does not import @vladmandic/human.

/** Models the quality gate loads: blazeface (boxes) and facemesh (head rotation). */
export const QUALITY_MODEL_FILES = ['blazeface.json', 'blazeface.bin', 'facemesh.json', 'facemesh.bin'] as const;

/**
 * Human enlarges blazeface's box by this factor on each side (and squares it) to crop the
 * region facemesh reads; its `face.box` is that crop, not the face. Set explicitly so the
 * fallback in faceExtent stays in step with the detector.
 */
export const DETECTOR_BOX_SCALE = 1.4;

/** tfjs picks one by the browser's features (SIMD, threads). */
export const QUALITY_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

/** Where the renderer build puts them (relative to its root): `<base>models/`, `<base>wasm/`. */
export const QUALITY_ASSET_BASE = 'face-quality/';

/**
 * Human's configuration. Result caching and frame skipping are off: consecutive inputs are
 * unrelated photos, and the live loop already runs at a few frames per second.
 */
export function qualityDetectorConfig(modelBasePath: string, wasmPath: string) {
  return {
    backend: 'wasm' as const,
    wasmPath,
    /** Load the wasm binary through fetch, which the Node worker serves from local files. */
    wasmPlatformFetch: true,
    modelBasePath,
    debug: false,
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { enabled: true, rotation: false, maxDetected: 10, minConfidence: 0.3, skipFrames: 0, skipTime: 0, return: false, scale: DETECTOR_BOX_SCALE },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      gear: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
}

/** The fields of Human's FaceResult the gate reads. */
export interface HumanFace {
  readonly box: readonly [number, number, number, number];
  readonly score: number;
  readonly boxScore?: number;
  readonly rotation?: { readonly angle: { readonly yaw: number; readonly pitch: number; readonly roll: number } } | null;
  /** Facemesh's landmarks in the input's pixels ([x, y] or [x, y, z]); may reach outside the frame. */
  readonly mesh?: readonly (readonly number[])[];
}

/** Fewer points than this means blazeface's 6 keypoints only, not a mesh. */
const MIN_MESH_POINTS = 100;

/**
 * The face's own extent: the bounding box of the mesh landmarks (forehead to chin, cheek to
 * cheek), unclipped, so a face running off the frame reaches past its edge. Without a mesh,
 * blazeface's raw box: Human's box shrunk back by DETECTOR_BOX_SCALE about its centre.
 */
export function faceExtent(face: HumanFace): readonly [number, number, number, number] {
  const mesh = face.mesh ?? [];
  if (mesh.length >= MIN_MESH_POINTS) {
    const xs = mesh.map((p) => p[0] ?? 0);
    const ys = mesh.map((p) => p[1] ?? 0);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    return [left, top, Math.max(...xs) - left, Math.max(...ys) - top];
  }
  const [x, y, width, height] = face.box;
  const w = width / DETECTOR_BOX_SCALE;
  const h = height / DETECTOR_BOX_SCALE;
  return [x + (width - w) / 2, y + (height - h) / 2, w, h];
}

const scaled = ([x, y, width, height]: readonly [number, number, number, number], scale: number) => ({
  x: x * scale,
  y: y * scale,
  width: Math.max(1, width * scale),
  height: Math.max(1, height * scale),
});

const degrees = (rad: number | undefined): number => ((rad ?? 0) * 180) / Math.PI;

/** Converts one result, scaling its box by `scale` (detection ran on a resized copy). */
export function toFaceDetection(face: HumanFace, scale = 1): FaceDetection {
  const angle = face.rotation?.angle;
  return {
    box: scaled(face.box, scale),
    extent: scaled(faceExtent(face), scale),
    score: Math.min(1, Math.max(0, face.boxScore ?? face.score)),
    yawDeg: degrees(angle?.yaw),
    pitchDeg: degrees(angle?.pitch),
    rollDeg: degrees(angle?.roll),
  };
}
