import { parentPort } from 'node:worker_threads';
import type { HumanFace } from '../../shared/domain/quality-detector.js';
import type { DetectReply, DetectRequest, ReadyMessage } from './detector-protocol.js';
import { loadHumanInWorker } from './human-in-worker.js';

// Worker thread entry: one warm Human instance, one photo at a time, off the main event loop.
const port = parentPort;
if (!port) throw new Error('detector-worker must run as a worker thread');

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

try {
  const human = await loadHumanInWorker();
  port.on('message', (req: DetectRequest) => {
    void (async (): Promise<DetectReply> => {
      const started = performance.now();
      const input = human.tf.tensor3d(req.rgb, [req.height, req.width, 3], 'int32');
      try {
        const result = await human.detect(input);
        const faces: HumanFace[] = result.face.map((f) => ({
          box: f.box,
          score: f.score,
          boxScore: f.boxScore,
          rotation: f.rotation ? { angle: f.rotation.angle } : null,
          mesh: f.mesh.map((p) => [p[0], p[1]]),
        }));
        return { id: req.id, ok: true, faces, ms: performance.now() - started };
      } catch (err) {
        return { id: req.id, ok: false, message: message(err) };
      } finally {
        input.dispose();
      }
    })().then((reply) => port.postMessage(reply));
  });
  port.postMessage({ ready: true } satisfies ReadyMessage);
} catch (err) {
  port.postMessage({ ready: false, message: message(err) } satisfies ReadyMessage);
}
