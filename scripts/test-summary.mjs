// Prints one closing line for the whole suite ("N passed, N failed, N skipped") from the
// vitest and Playwright JSON reports, and names every skipped test that is not one of the
// Electron-only runs (skips are failures unless the Electron binary is missing). The
// Playwright specs run once per project (browser, browser-strict, electron); each run counts.
import { readFileSync } from 'node:fs';

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const vitest = read('test-results/vitest.json');
let passed = vitest.numPassedTests;
let failed = vitest.numFailedTests;
let skipped = vitest.numPendingTests + vitest.numTodoTests;

const unexplained = [];
const perProject = new Map();
const walk = (suite) => {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      const status = test.status; // expected | unexpected | flaky | skipped
      const project = perProject.get(test.projectName) ?? { ran: 0, skipped: 0 };
      perProject.set(test.projectName, project);
      if (status === 'skipped') project.skipped += 1;
      else project.ran += 1;
      if (status === 'skipped') {
        skipped += 1;
        const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? '';
        if (!/Electron binary/.test(reason)) unexplained.push(`${spec.file}: ${spec.title} [${test.projectName}]`);
      } else if (status === 'unexpected') failed += 1;
      else passed += 1;
    }
  }
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of read('test-results/playwright.json').suites ?? []) walk(suite);

for (const name of unexplained) console.log(`skipped without the Electron reason: ${name}`);
const projects = [...perProject].map(([name, p]) => `${name} ${p.ran} run${p.skipped > 0 ? `, ${p.skipped} skipped` : ''}`);
if (projects.length > 0) console.log(`Playwright projects: ${projects.join('; ')}`);
failed += unexplained.length;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
