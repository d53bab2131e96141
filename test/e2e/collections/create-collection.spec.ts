import { expect, test } from '../fixtures.js';
import { screenshots, signIn } from './helpers.js';

test('creates a collection with the company found by search-as-you-type', async ({ page, sandbox }) => {
  await signIn(page, sandbox);
  const list = page.getByRole('table', { name: 'Collections list' });
  // The demo seed's collection, with its company name and person count.
  await expect(list.getByRole('row', { name: /demo-watchlist/ })).toContainText('Demo Bank');
  await expect(page.getByText(/^As of /)).toBeVisible();

  await page.getByLabel('Alias').fill('branch-12-watchlist');
  const company = page.getByRole('combobox', { name: 'Company' });
  await company.fill('demo');
  await expect(page.getByRole('option', { name: 'Demo Bank' })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/collections-create.png`, fullPage: true });
  // Keyboard only: pick the match with Enter, then submit.
  await company.press('ArrowDown');
  await company.press('Enter');
  await expect(company).toHaveValue('Demo Bank');
  await page.getByRole('button', { name: 'Create collection' }).press('Enter');

  const row = list.getByRole('row', { name: /branch-12-watchlist/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Demo Bank');
  await expect(row.getByRole('cell').nth(2)).toHaveText('0');
  await page.screenshot({ path: `${screenshots}/collections-list.png`, fullPage: true });

  // The desk remembers the company for the next collection.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Company' })).toHaveValue('Demo Bank');
});
