import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { BenchReport } from './bench-report.js';

const ROUNDS = 9;
const GOAL_S = 0.3;
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
 * `node bin/enroll-desk --help` from a built checkout (the bundle in out/cli; ENROLL_DESK_CLI=bundle,
 * so a missing or stale bundle fails the bench instead of timing tsx) against a bare
 * `node -e 0`, and the same help from the sources through tsx, interleaved A B C A B C … in
 * one run; medians of 9.
 */
export default async function benchCliStart(): Promise<BenchReport> {
  const help = ['bin/enroll-desk', '--help'];
  const bundle: number[] = [];
  const bare: number[] = [];
  const source: number[] = [];
  try {
    timed(help, { ENROLL_DESK_CLI: 'bundle' });
  } catch {
    throw new Error('No current CLI bundle: run `npm run build` first (the bench times the built CLI).');
  }
  for (let r = 0; r < ROUNDS; r += 1) {
    bundle.push(timed(help, { ENROLL_DESK_CLI: 'bundle' }));
    bare.push(timed(['-e', '0']));
    source.push(timed(help, { ENROLL_DESK_CLI: 'source' }));
  }
  const b = median(bundle);
  const n = median(bare);
  return {
    title: `CLI start: enroll-desk --help (median of ${ROUNDS}, interleaved)`,
    rows: [
      { metric: 'built checkout: node bin/enroll-desk --help', value: b, unit: 's', goal: `<= ${GOAL_S}`, met: b <= GOAL_S },
      { metric: 'bare node -e 0, same run', value: n, unit: 's' },
      { metric: 'the CLI’s own start (built minus bare node)', value: b - n, unit: 's' },
      { metric: 'built over bare node', value: b / n, unit: '×' },
      { metric: 'sources through tsx (no build)', value: median(source), unit: 's' },
      { metric: 'tsx over built', value: median(source) / b, unit: '×' },
    ],
    notes: [
      'Leaves out: the installed app’s start ("Enroll Desk" --cli; no Electron binary here), a cold disk cache (every run after the first reads warm files), and any command’s own work (each action loads its modules only when it runs: import loads sharp and the detector, sandbox loads fastify).',
      'Includes bin/enroll-desk’s check that the bundle is current (a walk over the bundled sources’ modification times).',
    ],
  };
}
