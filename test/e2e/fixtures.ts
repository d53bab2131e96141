import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, chromium, expect as baseExpect, test as base, type Browser } from '@playwright/test';
import { MALLOC_TUNING } from '../../src/core/config/malloc-tuning.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import type { SandboxProfileName } from '../../src/sandbox/index.js';
import { startWebHost } from '../../src/web-host/index.js';
import { expectAccessible } from './a11y.js';
import { expectOneStateWithSync } from './one-state.js';
import { startSwitchableSandbox, type SwitchableSandbox } from '../helpers/switchable-sandbox.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** How often the desk asks an unreachable server whether it is back (the app's default is 15 s). */
const E2E_PROBE_INTERVAL_MS = 1_000;
const E2E_RECONCILE_GRACE_MS = 1_000;
const electronInstalled = existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'));

export type SandboxServer = SwitchableSandbox;
/** Where and as whom to reach an Oz server: all a sign-in or a raw-HTTP check needs. */
export type SandboxAccount = Pick<SwitchableSandbox, 'url' | 'email' | 'password'>;

export interface TestFixtures {
  /** Skips the electron project's tests before any other fixture starts, where Electron is missing. */
  readonly electronShell: void;
  /** A managed policy for the desk (written to a file named by ENROLL_DESK_POLICY); none by default. */
  readonly deskPolicy: Record<string, unknown> | null;
  /** An Oz sandbox with the demo account, fresh for each test; it can go offline and come back. */
  readonly sandbox: SandboxServer;
  /** A second, independent Oz server (its own port, data and tokens) with the same demo account. */
  readonly sandboxB: SandboxServer;
  /** The desk's data folder, fresh for each test. */
  readonly dataDir: string;
  /** The browser's language (navigator.languages), which the desk follows until one is chosen. */
  readonly deskLocale: string;
  /**
   * What the host's native folder dialog answers (the seam Electron's dialog fills in the app):
   * undefined means the host has none, as in browser mode; null means the operator cancels.
   */
  readonly folderDialog: string | null | undefined;
  /** Runs axe-core now; every test is also checked on the state it ends in. */
  readonly a11y: (state: string) => Promise<void>;
}

/** Set per Playwright project: `browser-strict` runs every spec against the strict sandbox profile. */
export interface WorkerOptions {
  readonly sandboxProfile: SandboxProfileName;
}

export interface WorkerFixtures extends WorkerOptions {
  /** Chromium for the browser project; null in the electron project, which never launches it. */
  readonly deskBrowser: Browser | null;
}

/**
 * `page` is the desk app: in the browser project a page on a fresh browser-mode host, in
 * the electron project the desktop window. Specs are written once for both.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandboxProfile: ['default', { scope: 'worker', option: true }],
  deskPolicy: [null, { option: true }],

  electronShell: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
    async ({}, use, testInfo) => {
      test.skip(testInfo.project.name === 'electron' && !electronInstalled, 'Electron binary not installed on this machine');
      await use();
    },
    { auto: true },
  ],

  deskBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name === 'electron') return use(null);
      const { launchOptions, headless } = workerInfo.project.use;
      const browser = await chromium.launch({ ...launchOptions, headless: headless ?? true });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  sandbox: async ({ sandboxProfile }, use) => {
    const sb = await startSwitchableSandbox(sandboxProfile);
    await use(sb);
    await sb.close();
  },
  sandboxB: async ({ sandboxProfile }, use) => {
    const sb = await startSwitchableSandbox(sandboxProfile);
    await use(sb);
    await sb.close();
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  deskLocale: ['en-US', { option: true }],
  folderDialog: [undefined, { option: true }],

  a11y: async ({ page }, use, testInfo) => {
    await use((state) => expectAccessible(page, state, testInfo));
  },

  page: async ({ deskBrowser, dataDir, deskPolicy, deskLocale, viewport, folderDialog }, use, testInfo) => {
    const policyEnv: Record<string, string> = {};
    if (deskPolicy !== null) {
      policyEnv['ENROLL_DESK_POLICY'] = path.join(mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-policy-')), 'policy.json');
      writeFileSync(policyEnv['ENROLL_DESK_POLICY'], JSON.stringify(deskPolicy, null, 2));
    }
    if (deskBrowser === null) {
      const app = await _electron.launch({ args: ['.'], cwd: root, env: { ...process.env, ...MALLOC_TUNING, ...policyEnv, ENROLL_DESK_DATA: dataDir } });
      const window = await app.firstWindow();
      await use(window);
      if (testInfo.status === testInfo.expectedStatus) await expectOneStateWithSync(window);
      await app.close();
      return;
    }
    // The host reads the policy once, as it starts (the same process as the runner: restored after).
    const before = process.env['ENROLL_DESK_POLICY'];
    Object.assign(process.env, policyEnv);
    const host = await startWebHost({
      dataDir,
      port: 0,
      rendererDir: path.join(root, 'out', 'renderer'),
      secretStore: new InMemorySecretStore(),
      ...(folderDialog === undefined ? {} : { chooseFolder: () => Promise.resolve(folderDialog) }),
      // The server is back within a second, not the product's 15 s probe, and applies a request in
      // milliseconds (a second of reconcile grace, not 15 s): the same path, less waiting.
      syncTiming: { probeIntervalMs: E2E_PROBE_INTERVAL_MS, reconcileGraceMs: E2E_RECONCILE_GRACE_MS },
    }).finally(() => {
      if (before === undefined) delete process.env['ENROLL_DESK_POLICY'];
      else process.env['ENROLL_DESK_POLICY'] = before;
    });
    const context = await deskBrowser.newContext({ locale: deskLocale, viewport });
    const page = await context.newPage();
    // A CSP violation or an uncaught error shows up here, so every spec also checks them.
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    await page.goto(host.url);
    // Every screenshot a spec saves marks a state worth checking: axe runs there too.
    const screenshot = page.screenshot.bind(page);
    page.screenshot = async (options) => {
      if (options?.path !== undefined) await expectAccessible(page, options.path, testInfo);
      return screenshot(options);
    };
    await use(page);
    if (testInfo.status === testInfo.expectedStatus) await expectAccessible(page, 'end of test', testInfo);
    // Then the shared check with the shared check: header, page and Sync screen never disagree.
    if (testInfo.status === testInfo.expectedStatus) await expectOneStateWithSync(page);
    // screenshot 'only-on-failure' photographs every page still open when its context closes
    // (about a second each, full page): a test that passed closes its page first and skips that.
    if (testInfo.status === testInfo.expectedStatus) await page.close();
    await context.close();
    await host.close();
    baseExpect(problems, 'errors in the page console').toEqual([]);
  },
});

export const expect = baseExpect;
