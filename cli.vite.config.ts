import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The `enroll-desk` CLI as ES modules in out/cli, so a desk runs it without transpiling
 * TypeScript at start. Packages stay external (node_modules ship beside it). Each command's
 * action is a dynamic import (src/cli/commands/*-command.ts), so main.js holds only the
 * command tree and every command loads its own chunk when it runs.
 */
export default defineConfig({
  build: {
    ssr: true,
    target: 'node24',
    outDir: 'out/cli',
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: {
        main: resolve('src/cli/main.ts'),
        // Started by src/core/quality/face-detector.ts as a worker thread beside its own module.
        'quality-detector-worker': resolve('src/core/quality/detector-worker.ts'),
      },
      // Chunks sit beside the entries: the detector's chunk finds the worker at ./quality-detector-worker.js.
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
