import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../src/shared/domain/consent.js';
import type { BenchReport, BenchRow } from './bench-report.js';
import { cameraPhotos, personTree, TWO_MP } from './whole-job/camera-photos.js';
import { runCliMeasured, type MeasuredRun } from './whole-job/run-measured.js';
import { rawCollectionId, rawPersonCount, rawToken, startSandboxProcess, type SandboxProcess } from './whole-job/sandbox-process.js';
import { MB, median } from './whole-job/stats.js';

// Peak RSS of `enroll-desk import` (dry run, enqueue, upload while reading) then `sync`, as
// shipped (bin/enroll-desk tunes glibc's malloc for them) and with glibc's defaults
// (ENROLL_DESK_MALLOC_TUNING=off), ABAB over the same unique 2 MP photos, one per person.
//   BENCH_CLI_RSS_PHOTOS=1000   photos (default 1000)
//   BENCH_CLI_RSS_ROUNDS=1      ABAB rounds (default 1)
const PHOTOS = Number(process.env['BENCH_CLI_RSS_PHOTOS'] ?? 1_000);
const ROUNDS = Number(process.env['BENCH_CLI_RSS_ROUNDS'] ?? 1);
const RSS_GOAL_MB = 400;

interface Job {
  readonly ms: number;
  readonly peakRss: number;
}

function checked(run: MeasuredRun, what: string): MeasuredRun {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(-2000)}${run.stdout.slice(-2000)}`);
  return run;
}

async function job(sb: SandboxProcess, tree: string, label: string, work: string, tuning: 'on' | 'off'): Promise<Job> {
  const data = join(work, `desk-${label}`);
  const env = { OZ_API_URL: sb.url, OZ_EMAIL: sb.email, OZ_PASSWORD: sb.password, ...(tuning === 'off' ? { ENROLL_DESK_MALLOC_TUNING: 'off' } : {}) };
  const args = ['import', tree, '--collection', label, '--create-collection', '--consent-version', DEFAULT_CONSENT_TEXT_VERSION, '--duplicate-check', 'off', '--wait', '60m', '--json', '--data', data];
  const importRun = checked(await runCliMeasured(args, env), 'enroll-desk import');
  const syncRun = checked(await runCliMeasured(['sync', '--wait', '30m', '--json', '--data', data], env), 'enroll-desk sync');
  const token = await rawToken(sb);
  const onServer = await rawPersonCount(sb, token, await rawCollectionId(sb, token, label));
  if (onServer !== PHOTOS) throw new Error(`${label}: the server holds ${onServer} of ${PHOTOS} persons`);
  await rm(data, { recursive: true, force: true });
  return { ms: importRun.ms + syncRun.ms, peakRss: Math.max(importRun.peakRss, syncRun.peakRss) };
}

/** The CLI's peak memory over a long import, as shipped and with glibc's malloc defaults. */
export default async function benchCliMemory(): Promise<BenchReport> {
  const work = await mkdtemp(join(tmpdir(), 'enroll-desk-bench-cli-rss-'));
  const sb = await startSandboxProcess(join(work, 'oz'));
  try {
    const files = await cameraPhotos(TWO_MP, PHOTOS);
    const tree = join(work, 'tree');
    await personTree(tree, files, 1);
    const shipped: Job[] = [];
    const defaults: Job[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      defaults.push(await job(sb, tree, `rss-off-r${round}`, work, 'off'));
      shipped.push(await job(sb, tree, `rss-on-r${round}`, work, 'on'));
    }
    const peak = (jobs: readonly Job[]): number => Math.round(Math.max(...jobs.map((j) => j.peakRss)) / MB);
    const timeRatio = median(shipped.map((s, i) => (defaults[i] as Job).ms / s.ms));
    const rows: BenchRow[] = [
      { metric: `CLI peak RSS, ${PHOTOS} photos, glibc malloc defaults`, value: peak(defaults), unit: 'MB' },
      { metric: `CLI peak RSS, ${PHOTOS} photos, as shipped (tuned)`, value: peak(shipped), unit: 'MB', goal: `<= ${RSS_GOAL_MB}`, met: peak(shipped) <= RSS_GOAL_MB },
      { metric: 'speed, as shipped / glibc defaults (1 = no cost)', value: timeRatio, unit: '' },
    ];
    return {
      title: 'CLI memory over a long import (import + sync), with and without the malloc tuning of bin/enroll-desk',
      rows,
      notes: [
        'Peak RSS is each process’s VmHWM, polled every 50 ms; the import and the sync are separate processes, the higher one is shown.',
        'Leaves out: the app (Electron main has its own allocator; bench app-import measures the services in Node), the 1:N duplicate check (off), real network latency.',
      ],
    };
  } finally {
    await sb.stop();
    await rm(work, { recursive: true, force: true });
  }
}
