import { link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { faceJpegs } from '../test/fixtures/corpus.js';
import { createPhotoProcessor } from '../src/core/images/photo-processor.js';
import { scanFolder } from '../src/core/import/scan-folder.js';
import type { BenchReport, BenchRow } from './bench-report.js';
import { barePipeline } from './whole-job/bare-pipeline.js';

// Sizes are overridable for a quick run: BENCH_IMPORT_DISTINCT=200 BENCH_IMPORT_SIZES=200,2000 npm run bench import
const DISTINCT = Number(process.env['BENCH_IMPORT_DISTINCT'] ?? 1000);
const SIZES = (process.env['BENCH_IMPORT_SIZES'] ?? '1000,10000').split(',').map(Number);
const PHOTOS_PER_PERSON = 2;
const CONCURRENCY = 2;
const RSS_GOAL_MB = 350;
const RATIO_GOAL = 0.85;
/** Bare loop and dry run alternate (ABAB...) this many times; the median pair ratio is reported. */
const ROUNDS = Number(process.env['BENCH_IMPORT_ROUNDS'] ?? 3);

const MB = 1024 * 1024;

/** Distinct 1200×1600 camera-like JPEGs: a real face, a unique pixel stamp per file. */
async function makePhotos(dir: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const faces = await faceJpegs();
  const bases = await Promise.all(faces.map((f) => sharp(f).resize({ width: 1200, height: 1600, fit: 'cover' }).raw().toBuffer({ resolveWithObject: true })));
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = bases[i % bases.length];
    if (!base) throw new Error('no faces');
    const stamp = Buffer.alloc(16 * 16 * 3);
    for (let p = 0; p < stamp.length; p += 1) stamp[p] = (i * 131 + p * 17) % 256;
    const file = join(dir, `photo-${i}.jpg`);
    await writeFile(
      file,
      await sharp(base.data, { raw: base.info })
        .composite([{ input: stamp, raw: { width: 16, height: 16, channels: 3 }, left: 8 + (i % 50), top: 8 }])
        .jpeg({ quality: 92 })
        .toBuffer(),
    );
    files.push(file);
  }
  return files;
}

/** A folder-per-person tree of `total` files, hard links to the distinct photos (reused round-robin). */
async function makeTree(root: string, photos: readonly string[], total: number): Promise<void> {
  for (let i = 0; i < total; i += 1) {
    const person = join(root, `Person${String(Math.floor(i / PHOTOS_PER_PERSON)).padStart(5, '0')} Bench`);
    if (i % PHOTOS_PER_PERSON === 0) await mkdir(person, { recursive: true });
    await link(photos[i % photos.length] ?? '', join(person, `p${i}.jpg`));
  }
}

/** The baseline: the same decode, fit-inside resize and JPEG q90, hashed, with the same photos in flight. */
const bareLoop = (files: readonly string[]): Promise<number> => barePipeline(files, CONCURRENCY);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function scanTimed(root: string): Promise<{ ms: number; peakRss: number; accepted: number; files: number; reportBytes: number }> {
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const started = performance.now();
  try {
    const report = await scanFolder(root, { processor: createPhotoProcessor({ concurrency: CONCURRENCY }) });
    const ms = performance.now() - started;
    const files = report.persons.reduce((n, p) => n + p.photos.length, 0);
    return {
      ms,
      peakRss: Math.max(peakRss, process.memoryUsage().rss),
      accepted: report.counts.photosAccepted + report.counts.duplicates,
      files,
      reportBytes: JSON.stringify(report).length,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Import dry run (scan + full pipeline + hashing, what an operator waits for before
 * confirming) against a bare sharp loop over the same files in the same run, and the
 * process's peak RSS while scanning 1,000 and 10,000 photos. No server involved.
 */
export default async function importBench(): Promise<BenchReport> {
  const dir = await mkdtemp(join(tmpdir(), 'enroll-desk-bench-import-'));
  try {
    const photos = await makePhotos(join(dir, 'distinct'), DISTINCT);
    await makeTree(join(dir, 'tree-ratio'), photos, DISTINCT);
    // Warm sharp and the file cache so neither side pays the first-use cost.
    await bareLoop(photos.slice(0, 20));

    // ABAB: each pair runs back to back, so warm-up and machine load hit both sides alike.
    const bareRuns: number[] = [];
    const scanRuns: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const bare = await bareLoop(photos);
      const scan = await scanTimed(join(dir, 'tree-ratio'));
      bareRuns.push(bare);
      scanRuns.push(scan.ms);
      ratios.push(bare / scan.ms);
    }
    const ratio = median(ratios);

    const rows: BenchRow[] = [
      { metric: `bare sharp loop, ${DISTINCT} photos (median of ${ROUNDS})`, value: DISTINCT / (median(bareRuns) / 1000), unit: 'photos/s' },
      { metric: `import dry run, ${DISTINCT} photos (median of ${ROUNDS})`, value: DISTINCT / (median(scanRuns) / 1000), unit: 'photos/s' },
      { metric: `throughput ratio (dry run / bare loop), median of ${ROUNDS} ABAB pairs`, value: ratio, unit: '', goal: `>= ${RATIO_GOAL}`, met: ratio >= RATIO_GOAL },
      { metric: 'pair ratios', value: Math.min(...ratios), unit: `min (max ${Math.max(...ratios).toFixed(3)})` },
    ];
    const peaks: number[] = [];
    for (const size of SIZES) {
      const root = join(dir, `tree-${size}`);
      await makeTree(root, photos, size);
      const run = await scanTimed(root);
      if (run.files !== size) throw new Error(`scanned ${run.files} of ${size} files`);
      const peakMb = run.peakRss / MB;
      peaks.push(peakMb);
      rows.push({ metric: `peak RSS, dry run of ${size} photos`, value: Math.round(peakMb), unit: 'MB', goal: `<= ${RSS_GOAL_MB}`, met: peakMb <= RSS_GOAL_MB });
      rows.push({ metric: `report size per photo, ${size} photos (JSON)`, value: Math.round(run.reportBytes / size), unit: 'bytes' });
      await rm(root, { recursive: true, force: true });
    }
    const growth = (peaks.at(-1) ?? 0) - (peaks[0] ?? 0);
    rows.push({ metric: `RSS growth ${SIZES[0]} → ${SIZES.at(-1)} photos (flat)`, value: Math.round(growth), unit: 'MB', goal: '<= 50', met: growth <= 50 });
    return {
      title: 'Import dry run: throughput and memory',
      rows,
      notes: [
        `${DISTINCT} distinct 1200×1600 JPEGs (real face + unique stamp), hard-linked into folder-per-person trees; ${CONCURRENCY} photos in flight on both sides.`,
        'The dry run also reads metadata first (size checks, refusal reasons), flattens to sRGB and walks the folders; the bare loop does not. No thumbnail in the dry run (made at enroll time).',
        'Face-quality detection is NOT part of this comparison (no detector passed): it runs in its own worker and is benched in bench/face-detect.bench.ts.',
        'Leaves out: face-quality detection, enrollment (confirm), encryption into the queue and upload, 12 MP photos (these are 2 MP) and process start: it times only the dry run’s sharp slice. The whole job is in import-e2e and app-import.',
        `Memory: RSS sampled every 25 ms while scanning; the ${Math.max(...SIZES)}-file tree reuses the distinct photos, so most are in-batch duplicates (still fully processed and hashed).`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
