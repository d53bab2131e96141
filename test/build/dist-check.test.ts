// `npm run dist:check` inside `npm test`: the package is built over a stand-in Electron
// dist and inspected; a copy with one required file removed must fail, naming the file.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const asar = createRequire(import.meta.url)('@electron/asar') as {
  extractAll(archive: string, dest: string): void;
  createPackageWithOptions(src: string, dest: string, options: { unpack?: string }): Promise<void>;
};

interface Run {
  readonly code: number | null;
  readonly output: string;
}

function distCheck(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/dist-check.mjs', ...args], { cwd: repoRoot, timeout: 600_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

let work = '';
let packaged: Run;
const appDir = (): string => path.join(work, 'release', 'linux-unpacked');

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'enroll-desk-dist-check-'));
  packaged = await distCheck('--out', work);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the packaged app to break. */
function copyOfPackage(): string {
  const copy = mkdtempSync(path.join(work, 'copy-'));
  cpSync(appDir(), copy, { recursive: true });
  return copy;
}

describe('npm run dist:check', () => {
  it('packages the app over a stand-in Electron and finds everything it needs, within the size budget', () => {
    expect(packaged.output).toContain('the package holds everything it needs and nothing it must not');
    expect(packaged.code).toBe(0);
    expect(packaged.output).toMatch(/app\.asar \d+\.\d MB \(budget \d+\), app\.asar\.unpacked \d+\.\d MB/);
  });

  it('fails naming the native file removed from app.asar.unpacked', async () => {
    const copy = copyOfPackage();
    rmSync(path.join(copy, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'));
    const run = await distCheck('--package', copy);
    expect(run.code).toBe(1);
    expect(run.output).toContain('FAIL missing required file app.asar.unpacked/node_modules/keytar/build/Release/keytar.node');
  });

  it('fails naming the bundle removed from app.asar (the CLI)', async () => {
    const copy = copyOfPackage();
    const extracted = mkdtempSync(path.join(work, 'asar-'));
    asar.extractAll(path.join(copy, 'resources/app.asar'), extracted);
    rmSync(path.join(extracted, 'out/cli/main.js'));
    rmSync(path.join(copy, 'resources/app.asar.unpacked'), { recursive: true });
    await asar.createPackageWithOptions(extracted, path.join(copy, 'resources/app.asar'), { unpack: '{*.node,*.so*}' });
    const run = await distCheck('--package', copy);
    expect(run.code).toBe(1);
    expect(run.output).toContain('FAIL missing required file out/cli/main.js');
    expect(run.output).not.toContain('FAIL missing required file out/main/index.js');
  });
});
