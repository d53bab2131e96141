// Run by bench/app-import.bench.ts as its own process, so the RSS it reports is the desk's
// alone (not the bench's photo generation): imports argv[2] (a folder) through the app's
// services into a new collection on the sandbox described by argv[3] (JSON), then prints
// {"atMark": bytes, "peak": bytes} — peak RSS by the mark-th processed photo and overall.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importThroughApp, openBenchDesk } from './app-desk.js';
import type { SandboxProcess } from './sandbox-process.js';

const [folder, sandboxJson, markText] = process.argv.slice(2);
const sb = JSON.parse(sandboxJson ?? '{}') as SandboxProcess;
const mark = Number(markText);
const data = await mkdtemp(join(tmpdir(), 'enroll-desk-bench-rss-'));
let peak = process.memoryUsage().rss;
let atMark: number | null = null;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 100);
const desk = await openBenchDesk(sb, data, (p) => {
  sample();
  if (atMark === null && p.phase === 'processing' && p.done >= mark) atMark = peak;
});
try {
  const { collectionId } = await desk.call('collections:create', { alias: `rss-${Date.now()}`, company: { companyId: sb.companyId, name: 'Demo Bank' } });
  await importThroughApp(desk, folder ?? '', collectionId);
  sample();
  process.stdout.write(`${JSON.stringify({ atMark: atMark ?? peak, peak, collectionId })}\n`);
} finally {
  clearInterval(sampler);
  await desk.app.dispose();
  await rm(data, { recursive: true, force: true });
}
