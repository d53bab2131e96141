import { signIn } from '../collections/helpers.js';
import { expect, test } from '../fixtures.js';

test('a server address without a scheme is completed (http for this computer) and shown', async ({ page, sandbox }) => {
  const typed = sandbox.url.replace(/^http:\/\//, '');
  expect(typed).toMatch(/^127\.0\.0\.1:\d+$/);
  await page.getByLabel('Server URL').fill(typed);
  await page.getByLabel('E-mail').fill(sandbox.email);
  await page.getByLabel('Password').fill(sandbox.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(sandbox.url);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByLabel('Server URL')).toHaveValue(sandbox.url);

  // A name gets https: refused here only because nothing answers, never because of the form.
  await page.getByLabel('Server URL').fill('oz.bank.example');
  await page.getByLabel('Password').fill('x');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByLabel('Server URL')).toHaveValue('https://oz.bank.example');
  await expect(page.getByLabel('Server URL')).not.toHaveAttribute('aria-invalid', 'true');
});

test('after a wrong password the focus stays on the password', async ({ page, sandbox }) => {
  await page.getByLabel('Server URL').fill(sandbox.url);
  await page.getByLabel('E-mail').fill(sandbox.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('new collection: every problem at once under its own field, each gone when fixed', async ({ page, sandbox }) => {
  await signIn(page, sandbox);
  const form = page.getByRole('form', { name: 'New collection' });
  const alias = form.getByLabel('Alias');
  const company = form.getByRole('combobox', { name: 'Company' });
  await company.fill('');
  await form.getByRole('button', { name: 'Create collection' }).click();
  await expect(alias).toHaveAccessibleDescription('Enter an alias.');
  await expect(company).toHaveAccessibleDescription('Choose a company from the list.');
  await expect(alias).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/collection-form-errors.png', fullPage: true });

  await alias.fill('branch-7');
  await expect(alias).toHaveAccessibleDescription('');
  await expect(company).toHaveAccessibleDescription('Choose a company from the list.');
});

test('company picker: the list opens on focus, and typing over a choice keeps every key', async ({ page, sandbox }) => {
  await signIn(page, sandbox);
  const company = page.getByRole('combobox', { name: 'Company' });
  await page.getByLabel('Alias').focus();
  await company.focus();
  const options = page.getByRole('listbox', { name: 'Companies' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  const first = (await options.first().textContent()) ?? '';
  await company.press('ArrowDown');
  await company.press('ArrowUp');
  await company.press('Enter');
  await expect(company).toHaveValue(first);

  // Typing over the chosen name: the first key is kept, not swallowed with the old choice.
  await company.selectText();
  await company.pressSequentially('De');
  await expect(company).toHaveValue('De');
});

test('a created collection is confirmed in the live region', async ({ page, sandbox }) => {
  await signIn(page, sandbox);
  await page.getByLabel('Alias').fill('branch-12-watchlist');
  const company = page.getByRole('combobox', { name: 'Company' });
  await company.focus();
  await page.getByRole('listbox', { name: 'Companies' }).getByRole('option').first().click();
  await page.getByRole('button', { name: 'Create collection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Collection “branch-12-watchlist” created.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Collections list' })).toContainText('branch-12-watchlist');
  await page.screenshot({ path: 'test-results/screenshots/collection-created-toast.png', fullPage: true });
});
