import sharp from 'sharp';
import type { FaceSource } from './face-sources.js';
import { frameCutAtEdge, frameFace, type Edge, type FramedPhoto } from './framing.js';
import { CLOSE_PORTRAIT, PORTRAIT, WALL } from './good-portraits.js';
import type { EvalPhoto } from './labels.js';

const EDGES: readonly Edge[] = ['left', 'right', 'top', 'bottom'];
/**
 * Shares of the face's extent left outside the frame. With much more than a third outside
 * (eyes gone) blazeface finds no face at all, which the gate reports as `no_face`.
 */
const OUTSIDE = [0.15, 0.3] as const;
/** Frame sizes tried in turn, so that the sample photo has pixels on the far side. */
const CUT_SHARES = [0.4, 0.55, 0.7] as const;

/**
 * The base portrait moved towards `edge` until `outside` of the face is beyond it, the
 * emptied side filled with the wall: for faces the sample photo cannot frame that way.
 */
async function shiftOffEdge(photo: FramedPhoto, edge: Edge, outside: number): Promise<Buffer> {
  const e = photo.extent;
  const horizontal = edge === 'left' || edge === 'right';
  const shift = Math.round(
    edge === 'left' ? e.x + e.width * outside : edge === 'right' ? photo.width - (e.x + e.width * (1 - outside)) : edge === 'top' ? e.y + e.height * outside : photo.height - (e.y + e.height * (1 - outside)),
  );
  const region = {
    left: edge === 'left' ? shift : 0,
    top: edge === 'top' ? shift : 0,
    width: photo.width - (horizontal ? shift : 0),
    height: photo.height - (horizontal ? 0 : shift),
  };
  const opposite = { left: 'right', right: 'left', top: 'bottom', bottom: 'top' } as const;
  return sharp(photo.jpeg)
    .extract(region)
    .extend({ [opposite[edge]]: shift, background: WALL })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function cutOne(face: FaceSource, base: FramedPhoto, edge: Edge, outside: number): Promise<{ readonly jpeg: Buffer; readonly how: string }> {
  const pct = Math.round(outside * 100);
  for (const heightShare of CUT_SHARES) {
    const photo = await frameCutAtEdge(face, { ...PORTRAIT, heightShare }, edge, outside);
    if (photo) return { jpeg: photo.jpeg, how: `${pct} % of the face beyond the ${edge} edge` };
  }
  return { jpeg: await shiftOffEdge(base, edge, outside), how: `${pct} % of the face shifted beyond the ${edge} edge, wall filled in` };
}

/** Each frontal face framed so that an edge runs through it, at each edge and two depths. */
export async function cutFaces(frontal: readonly FaceSource[], portraits: readonly FramedPhoto[]): Promise<readonly EvalPhoto[]> {
  const out: EvalPhoto[] = [];
  for (const [i, face] of frontal.entries()) {
    const base = portraits[i];
    if (!base) continue;
    for (const edge of EDGES) {
      for (const outside of OUTSIDE) {
        const cut = await cutOne(face, base, edge, outside);
        out.push({ name: `${face.id}-${Math.round(outside * 100)}.jpg`, label: `cut_${edge}`, how: cut.how, jpeg: cut.jpeg });
      }
    }
  }
  return out;
}

/**
 * Heads beyond the pose limit: the sample faces that are really turned or leaning, framed
 * as good portraits; and good portraits rotated by ±35° (leaning: the samples have too few
 * faces turned sideways for a set of their own).
 */
export async function poseDefects(turned: readonly (FaceSource & { readonly how: 'turned' | 'leaning' })[], portraits: readonly FramedPhoto[]): Promise<readonly EvalPhoto[]> {
  const out: EvalPhoto[] = [];
  for (const face of turned) {
    for (const [k, framing] of [PORTRAIT, CLOSE_PORTRAIT].entries()) {
      const photo = await frameFace(face, framing);
      out.push({ name: `${face.id}-${k}.jpg`, label: 'head_turned', how: `head ${face.how} in the sample photo`, jpeg: photo.jpeg });
    }
  }
  for (const [i, p] of portraits.entries()) {
    for (const angle of [35, -35]) {
      const jpeg = await sharp(p.jpeg).rotate(angle, { background: WALL }).jpeg({ quality: 90 }).toBuffer();
      out.push({ name: `${i}-${angle}.jpg`, label: 'head_leaning', how: `good portrait rotated ${angle}°`, jpeg });
    }
  }
  return out;
}
