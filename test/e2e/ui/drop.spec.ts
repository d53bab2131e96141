import type { Page } from '@playwright/test';
import { uniqueWideFace } from '../../fixtures/corpus.js';
import { openEnroll } from '../enroll/enroll-steps.js';
import { expect, test } from '../fixtures.js';

interface FixtureFile {
  readonly name: string;
  readonly base64: string;
}

/**
 * Drops files on the Enroll screen as a file manager would: a drop event whose DataTransfer
 * holds File objects built from the fixture bytes (browser mode has no paths to offer).
 */
async function dropFiles(page: Page, files: readonly FixtureFile[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    // The page's own DataTransfer (this file is type-checked without the DOM library).
    const page = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
    const data = new page.DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], f.name, { type: 'image/jpeg' }));
    }
    return data;
  }, files as FixtureFile[]);
  const screen = page.getByRole('region', { name: 'Enroll', exact: true });
  await screen.dispatchEvent('dragenter', { dataTransfer: transfer });
  await screen.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop to import', { exact: false })).toBeVisible();
  await screen.dispatchEvent('drop', { dataTransfer: transfer });
}

const face = async (seed: number): Promise<string> => (await (await uniqueWideFace(seed)).jpeg().toBuffer()).toString('base64');

test('photos dropped on the Enroll screen (browser mode) are read, staged by main and shown in the dry run, one person per name', async ({ page, sandbox }) => {
  await openEnroll(page, sandbox, 'At the webcam');
  await dropFiles(page, [
    { name: 'Ada Lovelace.jpg', base64: await face(81) },
    { name: 'Ada Lovelace 2.jpg', base64: await face(82) },
    { name: 'Alan Turing.jpg', base64: await face(83) },
  ]);
  // A drop on the webcam tab switches to the folder import it starts.
  await expect(page.getByRole('tab', { name: 'From a folder' })).toHaveAttribute('aria-selected', 'true');
  const summary = page.getByRole('list', { name: 'Dry run summary' });
  await expect(summary).toContainText('2 persons');
  await expect(summary).toContainText('3 photos accepted');
  await expect(page.getByRole('note').filter({ hasText: 'From 3 dropped files' })).toBeVisible();
  // The private staging folder is no path of the operator's: the field stays theirs.
  await expect(page.getByLabel('Folder path')).toHaveValue('');
  const persons = page.getByRole('table', { name: 'Persons found' });
  await expect(persons.getByRole('rowheader')).toHaveText([/^Ada Lovelace/, /^Alan Turing/]);
  await page.screenshot({ path: 'test-results/screenshots/enroll-dropped-files.png', fullPage: true });

  await page.getByLabel(/I confirm each person in this import agreed/).check();
  await page.getByRole('button', { name: 'Enroll 2 persons' }).click();
  await expect(page.getByRole('list', { name: 'Enrollment results' })).toContainText('Alan Turing');
});

test('a drop with nothing importable says so once and offers nobody to enroll', async ({ page, sandbox }) => {
  await openEnroll(page, sandbox);
  await dropFiles(page, [{ name: '.DS_Store', base64: Buffer.from('junk').toString('base64') }]);
  await expect(page.getByRole('alert')).toHaveText(/Nothing that was dropped can be imported/);
  await expect(page.getByRole('list', { name: 'Dry run summary' })).toHaveCount(0);
});
