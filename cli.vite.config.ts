import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The `enroll-desk` CLI as one ES module bundle in out/cli, so a desk runs it without
 * transpiling TypeScript at start. Packages stay external (node_modules ship beside it).
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
        // Started by src/core/quality/face-detector.ts as a worker thread beside the bundle.
        'quality-detector-worker': resolve('src/core/quality/detector-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
