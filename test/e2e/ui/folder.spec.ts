import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uniqueWideFace } from '../../fixtures/corpus.js';
import { openEnroll } from '../enroll/enroll-steps.js';
import { expect, test } from '../fixtures.js';

/** One person's folder of two real face photos, under `parent` (or at `root`). */
async function personFolder(parent: string, root = mkdtempSync(path.join(parent, '.enroll-desk-e2e-folder-'))): Promise<string> {
  mkdirSync(path.join(root, 'Lena Folder'), { recursive: true });
  for (const seed of [71, 72]) writeFileSync(path.join(root, 'Lena Folder', `photo-${seed}.jpg`), await (await uniqueWideFace(seed)).jpeg().toBuffer());
  return root;
}

test.describe('with the native folder dialog (the desktop app’s seam)', () => {
  const folder = path.join(os.tmpdir(), `enroll-desk-e2e-chosen-${process.pid}`);
  test.beforeAll(async () => {
    await personFolder(os.tmpdir(), folder);
  });
  test.afterAll(() => rmSync(folder, { recursive: true, force: true }));
  test.use({ folderDialog: folder });

  test('"Choose folder…" fills in the chosen folder, and the dry run reads it', async ({ page, sandbox }) => {
    await openEnroll(page, sandbox);
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(page.getByLabel('Folder path')).toHaveValue(folder);
    await page.getByRole('button', { name: 'Scan (dry run)' }).click();
    await expect(page.getByRole('list', { name: 'Dry run summary' })).toContainText('2 photos accepted');
    await page.screenshot({ path: 'test-results/screenshots/enroll-folder-chosen.png', fullPage: true });
  });
});

test('browser mode has no folder dialog: the path field, with "~" and suggestions', async ({ page, sandbox }) => {
  const folder = await personFolder(os.homedir());
  try {
    await openEnroll(page, sandbox);
    await expect(page.getByRole('button', { name: 'Choose folder…' })).toHaveCount(0);
    const typed = `~/${path.basename(folder)}`;
    await page.getByLabel('Folder path').fill(typed.slice(0, -3));
    // main suggests the folders that continue what was typed.
    await expect(page.locator('datalist option')).toHaveCount(1);
    await expect(page.locator('datalist option')).toHaveAttribute('value', folder);
    await page.getByLabel('Folder path').fill(typed);
    await page.getByRole('button', { name: 'Scan (dry run)' }).click();
    await expect(page.getByRole('list', { name: 'Dry run summary' })).toContainText('1 person');
    await expect(page.getByRole('list', { name: 'Dry run summary' })).toContainText('2 photos accepted');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a scan that cannot start says so once and offers nobody to enroll; the message goes with its cause', async ({ page, sandbox }) => {
  await openEnroll(page, sandbox);
  await page.getByLabel('Folder path').fill('~/no-such-folder-for-enroll-desk');
  await page.getByRole('button', { name: 'Scan (dry run)' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText(`There is no such folder: ${path.join(os.homedir(), 'no-such-folder-for-enroll-desk')}`);
  await expect(page.getByRole('list', { name: 'Dry run summary' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Enroll \d+ persons?$/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/enroll-folder-missing.png', fullPage: true });

  await page.getByLabel('Folder path').fill('/tmp');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
