import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly 'runs-on': string;
  readonly steps: readonly Step[];
}

const workflow = parse(readFileSync('.github/workflows/desktop.yml', 'utf8')) as { on: unknown; jobs: Record<string, Job> };
const runs = (job: Job | undefined): string => (job?.steps ?? []).map((s) => s.run ?? '').join('\n');
const indexOf = (job: Job | undefined, pattern: RegExp): number => (job?.steps ?? []).findIndex((s) => pattern.test(s.run ?? ''));

describe('.github/workflows/desktop.yml', () => {
  it('is valid YAML with a Windows and an Ubuntu job on Node 24', () => {
    expect(Object.keys(workflow.jobs).sort()).toEqual(['ubuntu', 'windows']);
    expect(workflow.jobs['windows']?.['runs-on']).toMatch(/^windows-/);
    expect(workflow.jobs['ubuntu']?.['runs-on']).toMatch(/^ubuntu-/);
    for (const job of Object.values(workflow.jobs)) {
      const setupNode = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setupNode?.with?.['node-version']).toBe('24');
    }
  });

  it('installs with the Electron download, rebuilds native modules for Electron, builds, then packages, in that order', () => {
    for (const job of Object.values(workflow.jobs)) {
      const order = [/^npm ci$/m, /@electron\/rebuild .*better-sqlite3,keytar/, /npm run build/, /electron-builder .*--publish never/].map((p) => indexOf(job, p));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(runs(job)).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    }
  });

  it('runs the Playwright electron project under Xvfb on Ubuntu', () => {
    expect(runs(workflow.jobs['ubuntu'])).toMatch(/xvfb-run -a .*playwright test --project electron/);
  });

  it('uploads the NSIS, AppImage and deb artifacts', () => {
    const uploads = Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')));
    const paths = uploads.map((u) => String(u.with?.['path'])).join('\n');
    for (const artifact of ['*.exe', '*.AppImage', '*.deb']) expect(paths).toContain(artifact);
  });

  it('signs on Windows only when the certificate secret is present, and says it skipped otherwise', () => {
    const pack = workflow.jobs['windows']?.steps.find((s) => /electron-builder/.test(s.run ?? ''));
    expect(pack?.env?.['WIN_CSC_LINK']).toBe('${{ secrets.WIN_CSC_LINK }}');
    expect(pack?.run).toMatch(/if \[ -z "\$WIN_CSC_LINK" \]; then export CSC_IDENTITY_AUTO_DISCOVERY=false/);
    expect(pack?.run).toMatch(/Code signing skipped/);
  });

  it('proves the packaged app answers the CLI headless on both systems', () => {
    expect(runs(workflow.jobs['ubuntu'])).toMatch(/linux-unpacked\/enroll-desk --cli --help/);
    expect(runs(workflow.jobs['windows'])).toMatch(/resources\\bin\\enroll-desk\.cmd --help/);
  });
});
