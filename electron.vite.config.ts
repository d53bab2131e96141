import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { QUALITY_ASSET_BASE, QUALITY_MODEL_FILES, QUALITY_WASM_FILES } from './src/shared/domain/quality-detector.js';

/** The renderer's face detector loads its models and wasm from the app's own origin, never the network. */
function faceQualityAssets(): Plugin {
  const require = createRequire(import.meta.url);
  const models = join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
  const wasm = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
  const files = new Map<string, string>([
    ...QUALITY_MODEL_FILES.map((f) => [`${QUALITY_ASSET_BASE}models/${f}`, join(models, f)] as const),
    ...QUALITY_WASM_FILES.map((f) => [`${QUALITY_ASSET_BASE}wasm/${f}`, join(wasm, f)] as const),
  ]);
  return {
    name: 'face-quality-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = files.get((req.url ?? '').split('?')[0]?.slice(1) ?? '');
        if (!file) return next();
        res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of files) this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}

/**
 * src/main/cli-mode.ts loads the CLI from its own bundle (out/cli, built by
 * cli.vite.config.ts) instead of a second copy inside the main bundle. The path stays as
 * written: cli-mode is part of out/main/index.js, one folder below out/ as in src/.
 */
function cliBundleExternal(): Plugin {
  return {
    name: 'cli-bundle-external',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '../cli/main.js' || importer === undefined || !importer.endsWith(join('src', 'main', 'cli-mode.ts'))) return null;
      return { id: source, external: true };
    },
  };
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), cliBundleExternal()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Started by src/core/quality/face-detector.ts as a worker thread beside the main bundle.
          'quality-detector-worker': resolve('src/core/quality/detector-worker.ts'),
        },
      },
    },
  },
  preload: {
    // Sandboxed preloads cannot load ES modules or node_modules: bundle everything as CJS.
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), faceQualityAssets()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
