import type { Page } from '@playwright/test';
import type { OzTestClient } from '../../../src/sandbox/testing/oz-test-client.js';
import { expect, test } from '../fixtures.js';
import { faceFiles, openCollection, sandboxApi, signIn } from './helpers.js';

/** Persons of the collection named Rita, as the server lists them (raw HTTP). */
async function ritasOnServer(api: OzTestClient, collectionId: string): Promise<{ personId: string; photos: number }[]> {
  const page = await api.get(`/api/collections/${collectionId}/persons/?limit=1000`);
  // Oz may answer a list as a bare array or as {items, total}.
  const listed = (Array.isArray(page.body) ? page.body : page.body.items) as { person_id: string; meta_data: { person_info?: { first_name?: string } } | null }[];
  const ritas = listed.filter(
    (p) => p.meta_data?.person_info?.first_name === 'Rita',
  );
  const out: { personId: string; photos: number }[] = [];
  for (const p of ritas) {
    const images = await api.get(`/api/collections/${collectionId}/persons/${p.person_id}/images/`);
    out.push({ personId: p.person_id, photos: (Array.isArray(images.body) ? images.body : images.body.items).length });
  }
  return out;
}

/** Enrolls Rita Again from the same photo through the Add person form; resolves once the list shows her. */
async function enrollRita(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('First name').fill('Rita');
  await page.getByLabel('Last name').fill('Again');
  await page.getByLabel('Photos (JPEG or PNG)').setInputFiles(await faceFiles([3]));
  await expect(page.getByRole('list', { name: 'Chosen photos' }).getByText('after orienting')).toHaveCount(1);
  await page.getByRole('checkbox', { name: /I confirm the person agreed/ }).check();
  await page.getByRole('button', { name: 'Create person' }).click();
  const row = page.getByRole('list', { name: 'Persons' }).getByRole('listitem').filter({ hasText: 'Rita Again' });
  await expect(row).toContainText('1 photo', { timeout: 20_000 });
}

test('a person deleted in the app, or through raw HTTP, is enrolled again from the same photo', async ({ page, sandbox }) => {
  const api = await sandboxApi(sandbox);
  const collections = (await api.get('/api/collections/')).body;
  const collectionId = (Array.isArray(collections) ? collections : collections.items)[0].collection_id as string;
  await signIn(page, sandbox);
  await openCollection(page, 'demo-watchlist');

  await enrollRita(page);
  const [first] = await ritasOnServer(api, collectionId);
  expect(first).toMatchObject({ photos: 1 });

  // Deleted in the app: the desk forgets her photo in the same step, so the same photo enrolls again.
  await page.getByRole('button', { name: 'Rita Again' }).click();
  await page.getByRole('button', { name: 'Delete person' }).click();
  await page.getByRole('button', { name: 'Yes, delete Rita Again' }).click();
  await expect(page.getByRole('heading', { name: 'Persons in demo-watchlist' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rita Again' })).toHaveCount(0);
  await enrollRita(page);
  const second = await ritasOnServer(api, collectionId);
  expect(second).toHaveLength(1);
  expect(second[0]?.personId).not.toBe(first?.personId);

  // Deleted behind the desk's back: its record is stale, found so when the server is asked.
  expect((await api.delete(`/api/collections/${collectionId}/persons/${second[0]?.personId ?? ''}/`)).status).toBe(204);
  await page.reload();
  await openCollection(page, 'demo-watchlist');
  await expect(page.getByRole('button', { name: 'Rita Again' })).toHaveCount(0);
  await enrollRita(page);
  const third = await ritasOnServer(api, collectionId);
  expect(third).toHaveLength(1);
  expect(third[0]).toMatchObject({ photos: 1 });
  expect([first?.personId, second[0]?.personId]).not.toContain(third[0]?.personId);
});
