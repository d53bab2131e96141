import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { uniqueWideFace } from '../../fixtures/corpus.js';
import { expect, test } from '../fixtures.js';
import { openEnroll, personsOnServer } from './enroll-steps.js';

const screenshots = 'test-results/screenshots';

test('dry run: a flagged photo is unticked with its reason; accepted with a note, it is enrolled with that note', async ({ page, sandbox }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-quality-'));
  try {
    mkdirSync(path.join(folder, 'Greta Good'));
    writeFileSync(path.join(folder, 'Greta Good', 'front.jpg'), await (await uniqueWideFace(51)).jpeg().toBuffer());
    mkdirSync(path.join(folder, 'Dmitri Dark'));
    const dark = await sharp(await (await uniqueWideFace(52)).jpeg().toBuffer()).linear(0.25, 0).jpeg().toBuffer();
    writeFileSync(path.join(folder, 'Dmitri Dark', 'dark.jpg'), dark);

    await openEnroll(page, sandbox);
    await page.getByLabel('Folder path').fill(folder);
    await page.getByRole('button', { name: 'Scan (dry run)' }).click();

    const table = page.getByRole('table', { name: 'Persons found' });
    await expect(table.getByRole('row')).toHaveCount(3, { timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Dry run summary' })).toContainText('1 flagged by the quality check');
    const dmitri = table.getByRole('row', { name: /Dmitri Dark/ });
    await expect(dmitri.getByRole('list', { name: 'Quality reasons for dark.jpg' })).toContainText('The face is too dark');
    await expect(page.getByRole('checkbox', { name: 'Include Dmitri Dark' })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Include Dmitri Dark' })).toBeDisabled();
    const enroll = page.getByRole('button', { name: /^Enroll \d+ persons?$/ });
    await expect(enroll).toHaveText('Enroll 1 person');
    await page.screenshot({ path: `${screenshots}/enroll-quality-flagged.png`, fullPage: true });

    await dmitri.getByRole('checkbox', { name: 'Accept dark.jpg anyway' }).check();
    const note = dmitri.getByLabel('Why is dark.jpg accepted?');
    await expect(note).toHaveAccessibleDescription(/do not write names/);
    await expect(page.getByRole('status').filter({ hasText: 'without a note' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'I confirm each person in this import agreed to this consent text' }).check();
    await expect(enroll).toBeDisabled();
    await note.fill('Only photo on file; lighting reviewed at the desk.');
    await expect(page.getByRole('checkbox', { name: 'Include Dmitri Dark' })).toBeChecked();
    await expect(enroll).toHaveText('Enroll 2 persons');
    await expect(enroll).toBeEnabled();
    await page.screenshot({ path: `${screenshots}/enroll-quality-accepted.png`, fullPage: true });
    await enroll.click();

    await expect(page.getByText(/^(2 enrolled, 0 queued|0 enrolled, 2 queued|1 enrolled, 1 queued), 0 failed, 0 skipped \(2 photos\)\.$/)).toBeVisible({ timeout: 60_000 });
    await expect.poll(async () => (await personsOnServer(sandbox)).map((p) => p.firstName)).toEqual(['Dmitri', 'Greta']);
    const persons = await personsOnServer(sandbox);
    expect(persons[0]?.enrollment['quality_overrides']).toEqual([
      expect.objectContaining({ codes: expect.arrayContaining(['too_dark']), note: 'Only photo on file; lighting reviewed at the desk.' }),
    ]);
    expect(persons[1]?.enrollment['quality_overrides']).toBeUndefined();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
