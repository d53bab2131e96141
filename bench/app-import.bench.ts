import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchReport, BenchRow } from './bench-report.js';
import { openBenchDesk, importThroughApp } from './whole-job/app-desk.js';
import { barePipeline } from './whole-job/bare-pipeline.js';
import { cameraPhotos, personTree, TWELVE_MP, TWO_MP } from './whole-job/camera-photos.js';
import { rawPersonCount, rawToken, startSandboxProcess, type SandboxProcess } from './whole-job/sandbox-process.js';
import { MB, median } from './whole-job/stats.js';
import { tunedEnvironment } from '../src/core/config/malloc-tuning.js';

// The whole job through the app's services (the handler table the renderer and browser mode
// call: scan, confirm, the desk's sync worker drains), in this process, into the sandbox in
// its own process. Overridable for a quick run:
//   BENCH_APP_PERSONS=20     persons × one 12 MP photo for the ratio (default 120)
//   BENCH_APP_ROUNDS=2       ABAB rounds (default 2)
//   BENCH_APP_RSS_PHOTOS=2000  photos (2 MP, one per person) of the memory row (default 10000; 0 skips it)
const PERSONS = Number(process.env['BENCH_APP_PERSONS'] ?? 120);
const ROUNDS = Number(process.env['BENCH_APP_ROUNDS'] ?? 2);
const RSS_PHOTOS = Number(process.env['BENCH_APP_RSS_PHOTOS'] ?? 10_000);
const RSS_MARK = 1_000;
const RATIO_GOAL = 0.6;
const RSS_GOAL_MB = 400;
const FLAT_GOAL_MB = 50;

const run = promisify(execFile);
const companyOf = (sb: SandboxProcess) => ({ companyId: sb.companyId, name: 'Demo Bank' });

/** One import from a fresh desk into a new collection; checks the server holds every person. */
async function appJob(sb: SandboxProcess, work: string, tree: string, persons: number, label: string): Promise<number> {
  const data = join(work, `desk-${label}`);
  const desk = await openBenchDesk(sb, data);
  try {
    const { collectionId } = await desk.call('collections:create', { alias: label, company: companyOf(sb) });
    const started = performance.now();
    await importThroughApp(desk, tree, collectionId);
    const ms = performance.now() - started;
    const onServer = await rawPersonCount(sb, await rawToken(sb), collectionId);
    if (onServer !== persons) throw new Error(`${label}: the server holds ${onServer} of ${persons} persons`);
    return ms;
  } finally {
    await desk.app.dispose();
    await rm(data, { recursive: true, force: true });
  }
}

async function ratioRows(sb: SandboxProcess, work: string): Promise<BenchRow[]> {
  const files = await cameraPhotos(TWELVE_MP, PERSONS);
  const tree = join(work, 'tree-ratio');
  await personTree(tree, files, 1);
  await barePipeline(files.slice(0, 8));
  const bare: number[] = [];
  const app: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bare.push(await barePipeline(files));
    app.push(await appJob(sb, work, tree, PERSONS, `app-${PERSONS}-r${round}`));
  }
  const ratio = median(bare.map((b, i) => b / (app[i] as number)));
  return [
    { metric: `bare sharp pipeline, ${PERSONS} × 12 MP`, value: PERSONS / (median(bare) / 1000), unit: 'photos/s' },
    { metric: `app scan + confirm + drain, ${PERSONS} × 12 MP`, value: PERSONS / (median(app) / 1000), unit: 'photos/s' },
    { metric: `ratio (app path / bare), median of ${ROUNDS}`, value: ratio, unit: '', goal: `>= ${RATIO_GOAL}`, met: ratio >= RATIO_GOAL },
  ];
}

/** Peak RSS of a desk process (bench/whole-job/app-rss-child.ts) over a long import: by the 1,000th processed photo and overall. */
async function memoryRows(sb: SandboxProcess, work: string): Promise<BenchRow[]> {
  const files = await cameraPhotos(TWO_MP, RSS_PHOTOS);
  const tree = join(work, 'tree-rss');
  await personTree(tree, files, 1);
  // The environment the app and browser mode run under (they start themselves again with it).
  const env = tunedEnvironment(process.platform, process.env);
  const child = join(import.meta.dirname, 'whole-job/app-rss-child.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, tree, JSON.stringify(sb), String(RSS_MARK)], { maxBuffer: 1 << 20, env });
  const { atMark, peak, collectionId } = JSON.parse(stdout) as { atMark: number; peak: number; collectionId: string };
  const onServer = await rawPersonCount(sb, await rawToken(sb), collectionId);
  if (onServer !== RSS_PHOTOS) throw new Error(`memory row: the server holds ${onServer} of ${RSS_PHOTOS} persons`);
  const peakMb = peak / MB;
  const markMb = atMark / MB;
  return [
    { metric: `peak RSS by photo ${RSS_MARK} (dry run)`, value: Math.round(markMb), unit: 'MB' },
    { metric: `peak RSS, ${RSS_PHOTOS} photos (dry run + confirm + drain)`, value: Math.round(peakMb), unit: 'MB', goal: `<= ${RSS_GOAL_MB}`, met: peakMb <= RSS_GOAL_MB },
    { metric: `RSS growth from photo ${RSS_MARK} to ${RSS_PHOTOS} (flat)`, value: Math.round(peakMb - markMb), unit: 'MB', goal: `<= ${FLAT_GOAL_MB}`, met: peakMb - markMb <= FLAT_GOAL_MB },
  ];
}

/** The app's import path against the bare pipeline, and its memory over a 10,000-photo import. */
export default async function benchAppImport(): Promise<BenchReport> {
  const work = await mkdtemp(join(tmpdir(), 'enroll-desk-bench-app-'));
  const sb = await startSandboxProcess(join(work, 'oz'));
  try {
    const rows = await ratioRows(sb, work);
    if (RSS_PHOTOS > 0) rows.push(...(await memoryRows(sb, work)));
    return {
      title: 'Whole job through the app’s services: scan, confirm, drain, against the bare sharp pipeline',
      rows,
      notes: [
        'The desk runs in this process (createApp, the handler table the UI calls, in-memory keychain); the sandbox in its own process on loopback.',
        'Timed from the scan request until the desk’s sync worker has drained the queue; the server count is checked by raw HTTP.',
        `Memory: RSS of a process that runs only the desk (createApp + the handler table) under the environment the app and browser mode give themselves (glibc malloc tuned, src/core/config/malloc-tuning.ts), sampled every 100 ms and at each progress event, over ${RSS_PHOTOS} unique 2 MP photos, one per person.`,
        'Leaves out: the renderer (no UI), the online 1:N duplicate check (off), Electron’s own processes, real network latency.',
      ],
    };
  } finally {
    await sb.stop();
    await rm(work, { recursive: true, force: true });
  }
}
