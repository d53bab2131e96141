import { expect, test } from '../fixtures.js';

const screenshots = 'test-results/screenshots';

// What IT pushes to every desk: locked desk name, consent, duplicate check, stale-sync
// warning and quality overrides; the first group also pins the one Oz server.
const LOCKED = {
  deskName: 'Branch 12',
  consent: { version: '2026-07', text: 'The person agreed to enrollment under the bank’s July 2026 notice.' },
  duplicateCheck: true,
  staleSyncWarnHours: 12,
  acceptQualityWarnings: false,
};

test.describe('a policy that pins the Oz server', () => {
  test.use({ deskPolicy: { ...LOCKED, allowedServers: ['https://oz.bank.example'] } });

  test('sign-in refuses a server the managed policy does not allow, naming the policy', async ({ page, sandbox }) => {
  await expect(page.getByRole('heading', { name: 'Sign in to Oz' })).toBeVisible();
  // The one allowed server is already filled in.
  await expect(page.getByLabel('Server URL')).toHaveValue('https://oz.bank.example');
  await page.getByLabel('Server URL').fill(sandbox.url);
  await page.getByLabel('E-mail').fill(sandbox.email);
  await page.getByLabel('Password').fill(sandbox.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('managed policy');
  await expect(alert).toContainText('allows only https://oz.bank.example');
  await expect(alert).toContainText('policy.json');
  await expect(page.getByRole('region', { name: 'Collections' })).toHaveCount(0);
  await page.screenshot({ path: `${screenshots}/sign-in-refused-by-policy.png`, fullPage: true });
  });
});

test.describe('a policy that locks settings', () => {
  test.use({ deskPolicy: LOCKED });

  test('settings show what the policy sets as "Set by your IT department" and do not let it change', async ({ page, sandbox }) => {
  await page.getByLabel('Server URL').fill(sandbox.url);
  await page.getByLabel('E-mail').fill(sandbox.email);
  await page.getByLabel('Password').fill(sandbox.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'Collections' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings).toContainText('A managed policy from your IT department applies to this desk');

  for (const label of ['Desk name', 'Consent text version', 'Consent text']) {
    await expect(settings.getByLabel(label, { exact: true })).toBeDisabled();
    await expect(settings.getByLabel(label, { exact: true })).toHaveAccessibleDescription(/Set by your IT department/);
  }
  await expect(settings.getByLabel('Desk name', { exact: true })).toHaveValue('Branch 12');
  await expect(settings.getByLabel('Consent text version')).toHaveValue('2026-07');
  await expect(settings.getByRole('checkbox', { name: 'Check the collection for the same face before enrolling' })).toBeDisabled();
  const itRows = settings.getByRole('definition');
  await expect(itRows.filter({ hasText: '12 h' })).toContainText('Set by your IT department');
  await expect(itRows.filter({ hasText: 'Any https server' })).not.toContainText('Set by your IT department');
  await expect(settings.getByText('Set by your IT department')).toHaveCount(5);
  await page.screenshot({ path: `${screenshots}/settings-locked-by-policy.png`, fullPage: true });

  // The header still names the desk as the policy does.
  await expect(page.getByRole('banner')).toContainText('Branch 12');
  });
});
