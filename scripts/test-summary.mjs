// Prints one closing line for the whole suite ("N passed, N failed, N skipped") from the
// vitest and Playwright JSON reports, and names every skipped test that is not one of the
// Electron-only runs (skips are failures unless the Electron binary is missing).
import { readFileSync } from 'node:fs';

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const vitest = read('test-results/vitest.json');
let passed = vitest.numPassedTests;
let failed = vitest.numFailedTests;
let skipped = vitest.numPendingTests + vitest.numTodoTests;

const unexplained = [];
const walk = (suite) => {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      const status = test.status; // expected | unexpected | flaky | skipped
      if (status === 'skipped') {
        skipped += 1;
        const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? '';
        if (!/Electron binary/.test(reason)) unexplained.push(`${spec.file}: ${spec.title}`);
      } else if (status === 'unexpected') failed += 1;
      else passed += 1;
    }
  }
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of read('test-results/playwright.json').suites ?? []) walk(suite);

for (const name of unexplained) console.log(`skipped without the Electron reason: ${name}`);
failed += unexplained.length;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
