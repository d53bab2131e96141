import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Human } from '@vladmandic/human';
import { qualityDetectorConfig } from '../../shared/domain/quality-detector.js';

const requireHere = createRequire(import.meta.url);

/** node_modules folders of the packages that ship the models and the wasm binaries. */
function localAssets(): { readonly humanEsm: string; readonly models: string; readonly wasm: string } {
  const humanDist = dirname(requireHere.resolve('@vladmandic/human'));
  return {
    humanEsm: join(humanDist, 'human.esm.js'),
    models: join(humanDist, '..', 'models'),
    wasm: dirname(requireHere.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm')),
  };
}

const TYPES: Readonly<Record<string, string>> = { '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves file: URLs from disk and refuses everything else, so nothing is ever downloaded. */
async function localFetch(input: string | URL | Request): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith('file:')) throw new Error(`The face detector may only load local files, not ${url}`);
  const body = await readFile(fileURLToPath(url));
  const type = TYPES[url.slice(url.lastIndexOf('.'))] ?? 'application/octet-stream';
  return new Response(body, { headers: { 'content-type': type } });
}

/**
 * Loads Human with the wasm backend inside this worker thread. tfjs-node cannot be installed
 * and human.node-wasm.js needs @tensorflow/tfjs-converter, which is absent, so the fully
 * bundled ESM build is used. That build stubs Node's `util`, `fs` and `path`, so its Node
 * code paths crash; this thread therefore presents itself as a web worker (tfjs then uses
 * `fetch`, answered by localFetch) and gives emscripten the `__dirname` it reads before it
 * takes the wasm binary from `fetch` instead of the file system. Only this dedicated thread
 * sees these globals.
 */
export async function loadHumanInWorker(): Promise<Human> {
  const assets = localAssets();
  const scope = globalThis as Record<string, unknown>;
  scope['WorkerGlobalScope'] ??= class WorkerGlobalScope {};
  scope['__dirname'] ??= assets.wasm;
  globalThis.fetch = localFetch as typeof fetch;
  const { Human: HumanClass } = (await import(pathToFileURL(assets.humanEsm).href)) as typeof import('@vladmandic/human');
  const human = new HumanClass(
    qualityDetectorConfig(`${pathToFileURL(assets.models).href}/`, `${pathToFileURL(assets.wasm).href}/`),
  );
  await human.load();
  if (human.tf.getBackend() !== 'wasm') throw new Error(`The face detector started on '${String(human.tf.getBackend())}' instead of wasm`);
  return human;
}
