import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import { uniqueWideFace } from '../../fixtures/corpus.js';
import { rawOz, type RawOz } from '../../helpers/raw-oz.js';
import { expect, test as base } from '../fixtures.js';
import { openEnroll } from './enroll-steps.js';

// The 1:N duplicate check in the app, checked on the server in raw HTTP. On the strict
// profile (browser-strict) the analysis is PROCESSING first, media are not embedded and a
// refused deletion is a 409: the spec reads only what every profile shares.

interface DupFixtures {
  /** The sandbox with its handle: these cases inject faults. */
  readonly oz: RunningSandbox;
  readonly raw: RawOz;
  readonly folders: (name: string, photo: Buffer) => string;
}

const test = base.extend<DupFixtures>({
  oz: async ({ sandboxProfile }, use) => {
    const sb = await startSandbox({ port: 0, dataDir: null, seedDemo: true, profile: sandboxProfile });
    await use(sb);
    await sb.close();
  },
  raw: async ({ oz }, use) => use(await rawOz(oz)),
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
  folders: async ({}, use) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-dup-'));
    let n = 0;
    await use((name, photo) => {
      const folder = path.join(root, `import-${(n += 1)}`);
      mkdirSync(path.join(folder, name), { recursive: true });
      writeFileSync(path.join(folder, name, 'photo.jpg'), photo);
      return folder;
    });
    rmSync(root, { recursive: true, force: true });
  },
});

const credentials = (sb: RunningSandbox) => ({ url: sb.url, email: sb.demo?.email ?? '', password: sb.demo?.password ?? '' });

async function dryRun(page: Page, folder: string): Promise<void> {
  const newImport = page.getByRole('button', { name: 'New import' });
  if (await newImport.isVisible()) await newImport.click();
  await page.getByLabel('Folder path').fill(folder);
  await page.getByRole('button', { name: 'Scan (dry run)' }).click();
  await expect(page.getByRole('table', { name: 'Persons found' })).toBeVisible({ timeout: 30_000 });
}

async function enrollShown(page: Page, persons: number): Promise<void> {
  await page.getByRole('checkbox', { name: 'I confirm each person in this import agreed to this consent text' }).check();
  await page.getByRole('button', { name: `Enroll ${persons} ${persons === 1 ? 'person' : 'persons'}` }).click();
  await expect(page.getByRole('list', { name: 'Enrollment results' })).toBeVisible();
}

/** Enrolls "Ann Original" from photo P through a folder import and returns her person id (raw HTTP). */
async function enrollAnn(page: Page, raw: RawOz, folder: string): Promise<string> {
  await dryRun(page, folder);
  await enrollShown(page, 1);
  await expect.poll(async () => (await raw.persons()).length, { timeout: 30_000 }).toBe(1);
  return (await raw.persons())[0]?.person_id ?? '';
}

const photoP = async (seed: number): Promise<Buffer> => (await uniqueWideFace(seed)).jpeg({ quality: 92 }).toBuffer();
const reencoded = (photo: Buffer): Promise<Buffer> => sharp(photo).jpeg({ quality: 71 }).toBuffer();

test('a re-encoded photo under another name is a possible duplicate of A; "Add to that person" adds it, and A can be deleted at once', async ({ page, oz, raw, folders }) => {
  const photo = await photoP(8801);
  await openEnroll(page, credentials(oz));
  const annId = await enrollAnn(page, raw, folders('Original, Ann', photo));

  await dryRun(page, folders('Other, Bob', await reencoded(photo)));
  const bob = page.getByRole('table', { name: 'Persons found' }).getByRole('row', { name: /Bob Other/ });
  const flag = bob.getByRole('group', { name: /Possible duplicate of Ann Original/ });
  // The id may be shown whole or shortened (with a copy button): its start is always there.
  await expect(flag).toContainText(annId.slice(0, 8));
  await expect(flag).toContainText(/score \d/);
  await flag.getByRole('radio', { name: 'Add to that person' }).check();
  await enrollShown(page, 1);

  await expect.poll(() => raw.imageCount(annId), { timeout: 30_000 }).toBe(2);
  expect((await raw.persons()).map((p) => p.person_id)).toEqual([annId]);
  // The seed's walk: folders with a COLLECTION analysis, none of whose analyses references A.
  expect((await raw.get('/api/folders/?analyse.type=COLLECTION')).status).toBe(200);
  expect(await raw.analysesReferencing(annId)).toEqual([]);
  expect(await raw.deletePerson(annId)).toBe(204);
});

test('a check whose analysis DELETE failed is counted on the Sync screen until a sync removes it', async ({ page, oz, raw, folders }) => {
  const photo = await photoP(8802);
  await openEnroll(page, credentials(oz));
  const annId = await enrollAnn(page, raw, folders('Original, Ann', photo));

  oz.setFaults('5xx@DELETE:/api/analyses=1');
  await dryRun(page, folders('Other, Bob', await reencoded(photo)));
  await expect(page.getByRole('group', { name: /Possible duplicate of Ann Original/ })).toContainText(annId.slice(0, 8));
  expect(await raw.analysesReferencing(annId)).toHaveLength(1);

  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Sync' }).click();
  await expect(page.getByRole('status', { name: 'Checks to clean up: 1' })).toBeVisible();
  oz.setFaults(null);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status', { name: /Checks to clean up/ })).toHaveCount(0, { timeout: 30_000 });
  expect(await raw.analysesReferencing(annId)).toEqual([]);
  expect(await raw.deletePerson(annId)).toBe(204);
});
