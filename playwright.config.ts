import { defineConfig } from '@playwright/test';

// Debian's Chromium; the flags keep it quiet and offline apart from 127.0.0.1.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // Two cores: the sandbox, the web host and Chromium already share them.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // The JSON report feeds the one-line summary printed at the end of `npm test`.
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'browser',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    // Runs the same specs in the desktop shell through _electron.launch (see fixtures.ts).
    { name: 'electron' },
  ],
});
