import { existsSync, readFileSync } from 'node:fs';
import { processPhoto } from '../../../src/core/images/process-photo.js';
import { openQueue } from '../../../src/core/queue/index.js';
import { InMemorySecretStore } from '../../../src/core/secrets/in-memory-secret-store.js';
import { faceJpegs } from '../../fixtures/corpus.js';
import { signIn, screenshots } from '../collections/helpers.js';
import { expect, test } from '../fixtures.js';

test('the audit screen lists actions, verifies the chain, filters and exports', async ({ page, sandbox, dataDir }) => {
  await signIn(page, sandbox);
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Intact' })).toContainText('all 2 entries'); // the policy check at start, then the sign-in
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('Signed in');
  await expect(table).toContainText(sandbox.email);
  await page.screenshot({ path: `${screenshots}/audit.png`, fullPage: true });

  await page.getByLabel('Action').selectOption('signOut');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Export CSV' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved 2 entries' });
  await expect(saved).toBeVisible();
  const path = (await saved.locator('.mono').textContent()) ?? '';
  expect(path.startsWith(dataDir)).toBe(true);
  expect(existsSync(path)).toBe(true);
  expect(readFileSync(path, 'utf8')).toContain('signIn');
});

test('forgetting the desk data signs out after a confirmation; the audit log keeps the reset', async ({ page, sandbox }) => {
  await signIn(page, sandbox);
  await page.getByRole('button', { name: "Forget this desk's data…" }).click();
  const dialog = page.getByRole('alertdialog', { name: "Forget this desk's data?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: "Forget this desk's data" })).toBeEnabled();
  await page.screenshot({ path: `${screenshots}/forget-desk.png`, fullPage: true });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: "Forget this desk's data…" }).click();
  await dialog.getByRole('button', { name: "Forget this desk's data" }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Oz' })).toBeVisible();

  await signIn(page, sandbox);
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Audit' }).click();
  const table = page.getByRole('table');
  await expect(table).toContainText("Desk's data forgotten");
  await expect(page.getByRole('status').filter({ hasText: 'Intact' })).toBeVisible();
});

test('unsynced enrollments need a second confirmation naming their number', async ({ page, sandbox, dataDir }) => {
  await signIn(page, sandbox);
  // Two enrollments waiting in this desk's queue (the desk is offline for them).
  const queue = await openQueue({ dataDir, secretStore: new InMemorySecretStore() });
  for (const [i, face] of (await faceJpegs()).slice(0, 2).entries()) {
    const p = await processPhoto({ bytes: face });
    if (!p.ok) throw new Error('fixture refused');
    await queue.enqueueCreatePerson({ collectionId: 'waiting', metaData: {} }, [{ jpeg: p.jpeg, sha256: p.sha256, tags: ['photo_selfie'], fileName: `${i}.jpg` }]);
  }
  queue.close();

  await page.getByRole('button', { name: "Forget this desk's data…" }).click();
  const dialog = page.getByRole('alertdialog', { name: "Forget this desk's data?" });
  await expect(dialog.getByRole('alert')).toContainText('2 enrollments have not reached the server');
  const forget = dialog.getByRole('button', { name: "Forget this desk's data" });
  await expect(forget).toBeDisabled();
  await page.screenshot({ path: `${screenshots}/forget-desk-unsynced.png`, fullPage: true });
  await dialog.getByRole('checkbox', { name: 'Yes, lose 2 unsynced enrollments' }).check();
  await forget.click();
  await expect(page.getByRole('heading', { name: 'Sign in to Oz' })).toBeVisible();
});
