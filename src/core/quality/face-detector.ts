import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { toFaceDetection } from '../../shared/domain/quality-detector.js';
import type { FaceDetection } from '../../shared/domain/quality.js';
import { AppFailure } from '../errors/app-failure.js';
import { createLimiter } from '../images/limiter.js';
import type { DetectReply, DetectRequest, ReadyMessage } from './detector-protocol.js';

export interface RgbImage {
  /** 3 bytes per pixel, row by row. */
  readonly rgb: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface FaceDetector {
  /** Faces in the image, boxes in its pixels (multiplied by `scale` when given). */
  detect(image: RgbImage, scale?: number): Promise<readonly FaceDetection[]>;
  /** Loads the models now instead of on the first photo. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export interface FaceDetectorOptions {
  /** Worker entry; by default the built worker beside the bundle, or detector-worker.ts through tsx. */
  readonly workerUrl?: URL;
  /** Per-photo limit; a stuck model must not hang an import. */
  readonly timeoutMs?: number;
}

/** The built app emits the worker beside the main bundle; from source it runs through tsx. */
function spawnWorker(workerUrl: URL | undefined): Worker {
  if (workerUrl) return new Worker(workerUrl);
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./quality-detector-worker.js', import.meta.url));
  // tsx's CommonJS api entry cannot register hooks here; its ESM entry (exports['./esm/api'].import) can.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./detector-worker.ts', import.meta.url).href;
  // Loader flags in a worker's execArgv are not honoured on Node 20, so tsx is registered inside it.
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

interface Pending {
  resolve(reply: DetectReply): void;
  reject(err: Error): void;
}

/**
 * One warm detector in a worker thread, started on first use. Photos are sent one at a
 * time: the worker has one model instance, and the Electron main loop never waits on it.
 * A crashed worker fails the photos in flight and is restarted by the next call.
 */
export function createFaceDetector(options: FaceDetectorOptions = {}): FaceDetector {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const one = createLimiter(1);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let started: Promise<Worker> | null = null;

  const failAll = (err: Error): void => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  const start = (): Promise<Worker> =>
    new Promise<Worker>((resolve, reject) => {
      const worker = spawnWorker(options.workerUrl);
      let ready = false;
      worker.on('message', (msg: DetectReply | ReadyMessage) => {
        if ('ready' in msg) {
          ready = msg.ready;
          if (msg.ready) resolve(worker);
          else reject(new AppFailure('INTERNAL', `The face detector could not load its models: ${msg.message}`));
          return;
        }
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        p?.resolve(msg);
      });
      worker.on('error', (err) => {
        if (!ready) reject(err);
        failAll(err);
      });
      worker.on('exit', (code) => {
        started = null;
        if (!ready) reject(new Error(`The face detector stopped while loading (exit ${code})`));
        failAll(new Error(`The face detector stopped (exit ${code})`));
      });
    });

  const worker = (): Promise<Worker> => {
    started ??= start().catch((err: unknown) => {
      started = null;
      throw err;
    });
    return started;
  };

  const send = async (image: RgbImage): Promise<DetectReply> => {
    const w = await worker();
    const id = nextId++;
    // Copied so the caller's buffer survives the transfer.
    const rgb = new Uint8Array(image.rgb);
    return new Promise<DetectReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new AppFailure('INTERNAL', `Face detection took longer than ${timeoutMs / 1000} s and was stopped.`));
        void w.terminate();
      }, timeoutMs);
      pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      w.postMessage({ id, rgb, width: image.width, height: image.height } satisfies DetectRequest, [rgb.buffer]);
    });
  };

  return {
    detect: (image, scale = 1) =>
      one.run(async () => {
        const reply = await send(image);
        if (!reply.ok) throw new AppFailure('INTERNAL', `Face detection failed: ${reply.message}`);
        return reply.faces.map((f) => toFaceDetection(f, scale));
      }),
    warm: async () => {
      await worker();
    },
    close: async () => {
      const current = started;
      started = null;
      if (!current) return;
      const w = await current.catch(() => null);
      await w?.terminate();
    },
  };
}
