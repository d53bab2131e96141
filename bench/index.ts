// `npm run bench [name...]`: runs every bench/*.bench.ts (or those named) one after the
// other, so they do not compete for the two cores, and prints their figures.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchReport } from './bench-report.js';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

function print(report: BenchReport): void {
  console.log(`\n## ${report.title}`);
  for (const row of report.rows) {
    const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(3);
    const goal = row.goal ? `  (goal ${row.goal}: ${row.met ? 'met' : 'NOT met'})` : '';
    console.log(`  ${row.metric.padEnd(52)} ${value} ${row.unit}${goal}`);
  }
  for (const note of report.notes ?? []) console.log(`  - ${note}`);
}

let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Bench };
  try {
    print(await mod.default());
  } catch (err) {
    failed += 1;
    console.error(`\n## ${file}: failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
}
if (files.length === 0) console.log('No benchmarks matched.');
process.exitCode = failed ? 1 : 0;
