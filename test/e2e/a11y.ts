import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

const AXE_BUDGET_MS = 15_000;

/** One violation in a line a reader can act on: rule, impact, and the first offending element. */
function describeViolation(v: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }): string {
  return `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`;
}

/**
 * axe-core on the page as it is now (every rule axe runs by default, WCAG and best practice),
 * plus the desk's own rule: exactly one h1. Fails the test on any finding.
 */
export async function expectAccessible(page: Page, state: string, testInfo?: TestInfo): Promise<void> {
  // Each check brings its own time (it reads the whole DOM), so the spec's budget stays the spec's.
  if (testInfo) testInfo.setTimeout(testInfo.timeout + AXE_BUDGET_MS);
  const results = await new AxeBuilder({ page }).analyze();
  const h1 = await page.locator('h1').count();
  const found = results.violations.map(describeViolation);
  if (h1 !== 1) found.push(`page-has-one-h1: found ${h1}`);
  if (testInfo && found.length > 0) await testInfo.attach(`axe-${state}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(found, `axe on "${state}"`).toEqual([]);
}
