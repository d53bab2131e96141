// The CLI the tests run is the bundle, and a built checkout's `--help` loads no command's code.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MALLOC_TUNING } from '../../src/core/config/malloc-tuning.js';
import { binHost, repoRoot, runCli, type CliRun } from '../helpers/cli.js';

const node = (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(process.execPath, [...args], { cwd, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });

// Prints every module URL the process resolves, one per line on standard error.
const logImports = `data:text/javascript,${encodeURIComponent(
  "import { registerHooks } from 'node:module'; registerHooks({ resolve: (s, c, next) => { const r = next(s, c); process.stderr.write('resolved ' + r.url + '\\n'); return r; } });",
)}`;

describe('the CLI the tests run', () => {
  it('is the bundle: the tests insist on it and bin/enroll-desk names out/cli/main.js', async () => {
    expect(process.env['ENROLL_DESK_CLI']).toBe('bundle');
    const run = await runCli(binHost, ['--help'], { ENROLL_DESK_CLI_DEBUG: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: enroll-desk');
    expect(run.stderr).toContain(`running ${path.join(repoRoot, 'out/cli/main.js')}`);
  });

  it('import and sync run with glibc malloc tuned (same process: execve), other commands and opted-out desks without', async () => {
    const debug = { ENROLL_DESK_CLI_DEBUG: '1' };
    // bin/enroll-desk holds its own copy of the app's tuning (it runs before any TypeScript): they agree.
    const expected = Object.entries(MALLOC_TUNING).map(([k, v]) => `${k}=${v}`).join(' ');
    const tuned = await runCli(binHost, ['sync', '--help'], debug);
    expect(tuned.code).toBe(0);
    expect(tuned.stdout).toContain('Usage: enroll-desk sync');
    expect(tuned.stderr).toContain(`(malloc: ${expected})`);
    expect((await runCli(binHost, ['import', '--help'], debug)).stderr).toContain(`(malloc: ${expected})`);
    expect((await runCli(binHost, ['queue', '--help'], debug)).stderr).not.toContain('malloc');
    expect((await runCli(binHost, ['sync', '--help'], { ...debug, ENROLL_DESK_MALLOC_TUNING: 'off' })).stderr).not.toContain('malloc');
    // A value the operator set is theirs.
    expect((await runCli(binHost, ['sync', '--help'], { ...debug, MALLOC_MMAP_THRESHOLD_: '65536' })).stderr).toContain('MALLOC_MMAP_THRESHOLD_=65536');
  });

  it('--help loads commander and the command tree, none of the commands’ packages', async () => {
    const run = await node(['--import', logImports, 'bin/enroll-desk', '--help'], repoRoot);
    expect(run.code).toBe(0);
    const loaded = run.stderr.split('\n').filter((l) => l.startsWith('resolved '));
    expect(loaded.some((l) => l.includes('/commander/'))).toBe(true);
    for (const heavy of ['sharp', 'fastify', 'better-sqlite3', 'zod', '@vladmandic/human', 'undici', 'keytar', 'tsx']) {
      expect(loaded.filter((l) => l.includes(`/node_modules/${heavy}/`))).toEqual([]);
    }
  });
});

describe('bin/enroll-desk with ENROLL_DESK_CLI=bundle', () => {
  let checkout = '';
  const bundle = (): string => path.join(checkout, 'out/cli/main.js');
  const source = (relative: string, at: Date): void => {
    const file = path.join(checkout, 'src', relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '');
    utimesSync(file, at, at);
  };
  const run = (): Promise<CliRun> => node(['bin/enroll-desk', 'queue'], checkout, { ENROLL_DESK_CLI: 'bundle' });
  const earlier = new Date(Date.now() - 60_000);
  const later = new Date(Date.now() + 60_000);

  // A checkout of its own: bin/enroll-desk finds out/ and src/ beside itself.
  beforeAll(() => {
    checkout = mkdtempSync(path.join(tmpdir(), 'enroll-desk-bin-'));
    cpSync(path.join(repoRoot, 'bin'), path.join(checkout, 'bin'), { recursive: true });
    source('cli/main.ts', earlier);
  });
  afterAll(() => rmSync(checkout, { recursive: true, force: true }));

  it('fails loudly without a bundle instead of running the sources', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no CLI bundle');
    expect(result.stderr).toContain('npm run build');
  });

  it('fails loudly when a bundled source is newer, naming it; tests and window code do not count', async () => {
    mkdirSync(path.dirname(bundle()), { recursive: true });
    writeFileSync(bundle(), "export const main = async (argv) => { process.stdout.write('bundle ran ' + argv.slice(2).join(' ')); return 7; };\n");
    source('cli/commands/queue-command.test.ts', later);
    source('renderer/App.tsx', later);
    const current = await run();
    expect(current).toMatchObject({ code: 7, stdout: 'bundle ran queue' });

    source('core/queue/store.ts', later);
    const stale = await run();
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain(`older than ${path.join(checkout, 'src/core/queue/store.ts')}`);
  });
});
