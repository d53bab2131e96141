import { defineConfig } from 'vitest/config';

// The suites that talk to the sandbox run once per sandbox profile (docs/oz-sandbox.md): the
// client must work with every answer Oz's docs allow, not only with our own choices. Pure unit
// tests, the sandbox's own tests and the long fault/kill suites run once, on "default".
const onBothProfiles = [
  'src/cli/commands/import-command.test.ts',
  'src/cli/commands/queue-sync-commands.test.ts',
  'src/core/app/**/*.test.ts',
  'src/core/queue/{sync-worker,connectivity,at-rest,keychain-queue}.test.ts',
  'src/core/services/**/*.test.ts',
  'test/audit/**/*.test.ts',
  'test/integration/**/*.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: most suites wait on loopback HTTP, sharp or timers, so two files at once
    // keep `npm test` inside CI's 30 minutes (one at a time took 17.5 of them).
    maxWorkers: 2,
    // The CLI tests run the bundles: rebuilt first when a source is newer.
    globalSetup: ['test/helpers/build-current.ts'],
    // Each worker (and the CLI children it starts) keeps its desk secrets under its own keychain service.
    setupFiles: ['test/helpers/keychain-per-worker.ts'],
    // The JSON report feeds the one-line summary printed at the end of `npm test`.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: { name: 'default', include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'], env: { OZ_SANDBOX_PROFILE: 'default' } },
      },
      {
        extends: true,
        test: {
          name: 'strict',
          include: onBothProfiles,
          exclude: [
            'test/integration/duplicate-check.test.ts', // walks every profile itself
            // No sandbox in these: once is enough.
            'src/core/services/cache/desk-cache.test.ts',
            'src/core/services/deletion-jobs/*.test.ts',
            'src/core/services/enroll/queued-enrollment-sink.test.ts',
            'test/audit/scan-data-folder.test.ts',
            'test/e2e/**',
            'node_modules/**',
            'out/**',
          ],
          env: { OZ_SANDBOX_PROFILE: 'strict' },
        },
      },
    ],
  },
});
