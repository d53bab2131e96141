// vitest globalSetup: the CLI tests run the built CLI (out/cli through bin/enroll-desk, and
// out/main started as the app with --cli), so the bundles are rebuilt first when any source
// is newer. One process, before the test workers start, so builds never race. The workers
// and every CLI they start inherit ENROLL_DESK_CLI=bundle: bin/enroll-desk then fails
// instead of quietly running the sources through tsx.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function newestSource(): number {
  let newest = 0;
  for (const entry of readdirSync(path.join(root, 'src'), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const outdated = (bundle: string, sources: number): boolean => {
  const file = path.join(root, bundle);
  return !existsSync(file) || statSync(file).mtimeMs < sources;
};

const node = (...args: string[]): void => void execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

export default function buildCurrent(): void {
  process.env.ENROLL_DESK_CLI = 'bundle';
  const sources = newestSource();
  if (outdated('out/main/index.js', sources)) node('node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn');
  if (outdated('out/cli/main.js', sources)) node('node_modules/vite/bin/vite.js', 'build', '--config', 'cli.vite.config.ts', '--logLevel', 'warn');
}
