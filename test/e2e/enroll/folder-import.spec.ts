import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uniqueWideFace } from '../../fixtures/corpus.js';
import { expect, test } from '../fixtures.js';
import { openEnroll, personsOnServer } from './enroll-steps.js';

const screenshots = 'test-results/screenshots';

test('folder import: dry run, untick one person, confirm consent, enroll the rest with photos and tags', async ({ page, sandbox }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-import-'));
  try {
    const person = async (name: string, seeds: readonly number[]) => {
      mkdirSync(path.join(folder, name));
      for (const seed of seeds) writeFileSync(path.join(folder, name, `photo-${seed}.jpg`), await (await uniqueWideFace(seed)).jpeg().toBuffer());
    };
    await person('Anna Karlsson', [41, 42]);
    await person('Boris Petrov', [43]);
    await person('Carl Unticked', [44]);
    writeFileSync(path.join(folder, 'Boris Petrov', 'scan-notes.jpg'), 'not a photo');
    // Landscape: a different orientation tag must reach the server.
    writeFileSync(path.join(folder, 'Boris Petrov', 'wide.jpg'), await (await uniqueWideFace(45)).extend({ left: 300, right: 300, background: '#8a8f94' }).jpeg().toBuffer());

    await openEnroll(page, sandbox);
    await page.getByLabel('Folder path').fill(folder);
    await page.getByRole('button', { name: 'Scan (dry run)' }).click();

    const table = page.getByRole('table', { name: 'Persons found' });
    // The dry run checks every face: allow for a machine busy with other work.
    await expect(table.getByRole('row')).toHaveCount(4, { timeout: 30_000 });
    const summary = page.getByRole('list', { name: 'Dry run summary' });
    await expect(summary).toContainText('3 persons');
    await expect(summary).toContainText('5 photos accepted');
    await expect(summary).toContainText('1 refused');
    const boris = table.getByRole('row', { name: /Boris Petrov/ });
    await expect(boris).toContainText('scan-notes.jpg: not an image');

    const enroll = page.getByRole('button', { name: /^Enroll \d+ persons?$/ });
    await expect(enroll).toHaveText('Enroll 3 persons');
    await expect(enroll).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Include Carl Unticked' }).uncheck();
    await expect(enroll).toHaveText('Enroll 2 persons');
    const consent = page.getByRole('checkbox', { name: 'I confirm each person in this import agreed to this consent text' });
    await expect(consent).toHaveAccessibleDescription(/consent text version 2026-01/);
    await page.screenshot({ path: `${screenshots}/enroll-dry-run.png`, fullPage: true });
    await consent.check();
    await enroll.click();

    const results = page.getByRole('list', { name: 'Enrollment results' });
    // Offline-first: persons go through the queue, which the sync worker sends at once when online.
    await expect(page.getByText(/^(2 enrolled, 0 queued|0 enrolled, 2 queued), 0 failed, 0 skipped \(4 photos\)\.$/)).toBeVisible();
    const anna = results.getByRole('listitem', { name: 'Anna Karlsson' });
    await expect(anna).toContainText(/Enrolled|Queued/);
    await expect(anna.getByRole('img')).toHaveCount(2);
    await expect(anna.locator('img.result__thumb')).toHaveCount(2);
    await expect(anna).toContainText('Selfie (face photo), Portrait');
    const borisResult = results.getByRole('listitem', { name: 'Boris Petrov' });
    await expect(borisResult.locator('img.result__thumb')).toHaveCount(2);
    await expect(borisResult).toContainText('Selfie (face photo), Landscape');
    await expect(results.getByRole('listitem', { name: 'Carl Unticked' })).toHaveCount(0);
    await page.screenshot({ path: `${screenshots}/enroll-results.png`, fullPage: true });

    await expect.poll(async () => (await personsOnServer(sandbox)).map((p) => `${p.firstName}:${p.tags.length}`)).toEqual(['Anna:2', 'Boris:2']);
    const persons = await personsOnServer(sandbox);
    expect(persons[0]?.tags).toEqual([
      ['orientation_portrait', 'photo_selfie'],
      ['orientation_portrait', 'photo_selfie'],
    ]);
    expect(persons[1]?.tags).toEqual([
      ['orientation_portrait', 'photo_selfie'],
      ['orientation_landscape', 'photo_selfie'],
    ]);
    expect(persons[0]?.enrollment).toMatchObject({ operator: sandbox.email, source: 'folder', consent: { confirmed: true, text_version: '2026-01' } });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
