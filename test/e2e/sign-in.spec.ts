import { expect, test } from './fixtures.js';

const screenshots = 'test-results/screenshots';

test('signs in to an Oz server through the form, then signs out', async ({ page, sandbox }) => {
  await expect(page.getByRole('heading', { name: 'Sign in to Oz' })).toBeVisible();
  // First run: nothing configured, so the training sandbox is offered prominently.
  await expect(page.getByRole('button', { name: 'Local sandbox (training)' })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/sign-in.png`, fullPage: true });

  await page.getByLabel('Server URL').fill(sandbox.url);
  await page.getByLabel('E-mail').fill(sandbox.email);
  await page.getByLabel('Password').fill(sandbox.password);
  await page.getByRole('checkbox', { name: 'Remember on this desk' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('region', { name: 'Collections' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header).toContainText(sandbox.email);
  await expect(header).toContainText(sandbox.url);
  await page.screenshot({ path: `${screenshots}/signed-in.png`, fullPage: true });
  await expect(page.getByRole('button', { name: 'Sign out and forget password' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // Remembered: the server and e-mail come back, the password does not.
  await expect(page.getByLabel('Server URL')).toHaveValue(sandbox.url);
  await expect(page.getByLabel('E-mail')).toHaveValue(sandbox.email);
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('signs in to the local training sandbox with one button', async ({ page }) => {
  await page.getByRole('button', { name: 'Local sandbox (training)' }).click();
  await expect(page.getByRole('region', { name: 'Collections' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Local sandbox (training)');
  await expect(page.getByRole('button', { name: 'Sign out and forget password' })).toHaveCount(0);
  await page.screenshot({ path: `${screenshots}/signed-in-sandbox.png`, fullPage: true });

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Oz' })).toBeVisible();
});

test('validates inline and shows the server refusal in plain words', async ({ page, sandbox }) => {
  await page.getByLabel('Server URL').fill('http://oz.example.com');
  // Enter submits the form.
  await page.getByLabel('Server URL').press('Enter');
  await expect(page.getByLabel('Server URL')).toHaveAccessibleDescription(/https:\/\//);
  await expect(page.getByLabel('E-mail')).toHaveAccessibleDescription('Enter your e-mail address.');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.');
  await page.screenshot({ path: `${screenshots}/sign-in-invalid.png`, fullPage: true });

  await page.getByLabel('Server URL').fill(sandbox.url);
  await page.getByLabel('E-mail').fill(sandbox.email);
  await page.getByLabel('Password').fill(`${sandbox.password}-wrong`);
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByRole('alert')).toContainText('The Oz server');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Collections' })).toHaveCount(0);
  await page.screenshot({ path: `${screenshots}/sign-in-refused.png`, fullPage: true });
});

test('drops the token from the address bar; a reload still works through the cookie', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Sign in to Oz' })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Oz' })).toBeVisible();
});
