import { defineConfig } from '@playwright/test';
import type { WorkerOptions } from './test/e2e/fixtures.js';

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

const browser = {
  browserName: 'chromium' as const,
  headless: true,
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
};

// Specs whose assertions are times measured in the page (offline answer within 300 ms).
const timingSpecs = ['**/offline/offline-speed.spec.ts'];

export default defineConfig<object, WorkerOptions>({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // Two spec files at once (each test has its own sandbox, web host and browser context):
  // the browser and browser-strict projects together need it to fit CI's 30 minutes.
  workers: 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // The JSON report feeds the one-line summary printed at the end of `npm test`.
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // No trace recording: it cost about 2 s a test (10 tests: 69 s with, 48 s without). A failure
  // keeps its screenshot; `npx playwright test --trace retain-on-failure` records traces when needed.
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'browser', testIgnore: timingSpecs, use: { ...browser, sandboxProfile: 'default' } },
    // The same specs against the strict sandbox profile: the app may rely on nothing Oz leaves open.
    { name: 'browser-strict', testIgnore: timingSpecs, use: { ...browser, sandboxProfile: 'strict' } },
    // Specs that time the operator's wait run after the rest, one at a time, so no other spec's
    // browser shares the cores while they measure.
    { name: 'browser-timing', testMatch: timingSpecs, dependencies: ['browser', 'browser-strict'], use: { ...browser, sandboxProfile: 'default' } },
    { name: 'browser-strict-timing', testMatch: timingSpecs, dependencies: ['browser-timing'], use: { ...browser, sandboxProfile: 'strict' } },
    // Runs the same specs in the desktop shell through _electron.launch (see fixtures.ts).
    { name: 'electron' },
  ],
});
