import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BenchReport } from './bench-report.js';

const ROUNDS = 7;
const root = path.resolve(import.meta.dirname, '..');

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Wall time of one process start, in seconds. */
function timed(args: readonly string[], env: NodeJS.ProcessEnv = {}): number {
  const t = performance.now();
  execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
  return (performance.now() - t) / 1000;
}

/**
 * `enroll-desk --help` from a built checkout (the bundle in out/cli) against the same
 * command from the TypeScript sources through tsx, and a bare `node -e 0`, interleaved
 * A B C A B C … in one run. Leaves out: the installed app's start (`"Enroll Desk" --cli`,
 * Electron cannot run here) and any command's own work (only start-up and help).
 */
export default async function benchCliStart(): Promise<BenchReport> {
  if (!existsSync(path.join(root, 'out/cli/main.js'))) throw new Error('Run `npm run build` first: the bench times the built CLI.');
  const bundle: number[] = [];
  const source: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    bundle.push(timed(['bin/enroll-desk', '--help']));
    source.push(timed(['bin/enroll-desk', '--help'], { ENROLL_DESK_CLI_SOURCE: '1' }));
    bare.push(timed(['-e', '0']));
  }
  const b = median(bundle);
  return {
    title: 'CLI start: enroll-desk --help (median of 7, interleaved)',
    rows: [
      { metric: 'built checkout (out/cli bundle)', value: b, unit: 's', goal: '<= 0.3', met: b <= 0.3 },
      { metric: 'sources through tsx', value: median(source), unit: 's' },
      { metric: 'bare node -e 0 on this machine', value: median(bare), unit: 's' },
      { metric: 'tsx start over bundle start', value: median(source) / b, unit: '×' },
      { metric: 'bundle start over bare node', value: b / median(bare), unit: '×' },
    ],
    notes: ['Leaves out the installed app (Electron does not run here) and the commands’ own work.'],
  };
}
