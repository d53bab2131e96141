import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uniqueWideFace } from '../../fixtures/corpus.js';
import { expect, test } from '../fixtures.js';
import { openEnroll, personsOnServer } from './enroll-steps.js';

// On every sandbox profile: where a server lists persons without their photos (strict), the
// desk must read them through the images route to know what it already enrolled.
test('re-importing an enrolled folder enrolls nobody twice', async ({ page, sandbox }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-reimport-'));
  try {
    const person = async (name: string, seeds: readonly number[]) => {
      mkdirSync(path.join(folder, name));
      for (const seed of seeds) writeFileSync(path.join(folder, name, `photo-${seed}.jpg`), await (await uniqueWideFace(seed)).jpeg().toBuffer());
    };
    await person('Dana Again', [71, 72]);
    await person('Emil Again', [73]);

    await openEnroll(page, sandbox);
    await page.getByLabel('Folder path').fill(folder);
    await page.getByRole('button', { name: 'Scan (dry run)' }).click();
    await expect(page.getByRole('list', { name: 'Dry run summary' })).toContainText('3 photos accepted');
    await page.getByRole('checkbox', { name: 'I confirm each person in this import agreed to this consent text' }).check();
    await page.getByRole('button', { name: 'Enroll 2 persons' }).click();
    await expect.poll(async () => (await personsOnServer(sandbox)).map((p) => `${p.firstName}:${p.tags.length}`), { timeout: 30_000 }).toEqual(['Dana:2', 'Emil:1']);

    await page.getByRole('button', { name: 'New import' }).click();
    await page.getByLabel('Folder path').fill(folder);
    await page.getByRole('button', { name: 'Scan (dry run)' }).click();
    const summary = page.getByRole('list', { name: 'Dry run summary' });
    await expect(summary).toContainText('0 photos accepted');
    await expect(summary).toContainText('3 duplicates');
    const table = page.getByRole('table', { name: 'Persons found' });
    await expect(table.getByRole('row', { name: /Dana Again/ })).toContainText('photo-71.jpg: already enrolled');
    await expect(table.getByRole('row', { name: /Emil Again/ })).toContainText('photo-73.jpg: already enrolled');
    await expect(page.getByRole('button', { name: 'Nobody to enroll' })).toBeDisabled();
    expect((await personsOnServer(sandbox)).map((p) => `${p.firstName}:${p.tags.length}`)).toEqual(['Dana:2', 'Emil:1']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
