import { faceJpegs } from '../../fixtures/corpus.js';
import { expect, test } from '../fixtures.js';
import { openCollection, sandboxApi, screenshots, signIn } from './helpers.js';

test('deletes one photo after confirmation', async ({ page, sandbox }) => {
  const api = await sandboxApi(sandbox);
  const collectionId = (await api.get('/api/collections/')).body.items[0].collection_id as string;
  const faces = await faceJpegs();
  const created = await api.upload(
    `/api/collections/${collectionId}/persons/`,
    [
      { field: 'image0', bytes: faces[1] as Buffer, name: 'front.jpg' },
      { field: 'image1', bytes: faces[3] as Buffer, name: 'side.jpg' },
    ],
    { 'media:tags': { image0: ['photo_selfie'], image1: ['photo_selfie'] }, 'person:meta_data': { person_info: { first_name: 'Alan', last_name: 'Turing' } } },
  );
  expect(created.status).toBe(201);

  await signIn(page, sandbox);
  await openCollection(page, 'demo-watchlist');
  await page.getByRole('button', { name: 'Alan Turing' }).click();
  const photos = page.getByRole('list', { name: 'Photos' }).getByRole('listitem', { name: /^Photo \d$/ });
  await expect(photos).toHaveCount(2);

  await page.getByRole('button', { name: 'Delete photo 2' }).click();
  // Nothing is deleted until the operator confirms; the safe choice has the focus, so a stray Enter keeps it.
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.screenshot({ path: `${screenshots}/person-delete-photo-confirm.png`, fullPage: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Yes, delete photo 2' })).toHaveCount(0);
  await expect(photos).toHaveCount(2);

  // Deleting photo 1: the photo after it (now numbered 1) takes the focus, and a toast says so.
  await page.getByRole('button', { name: 'Delete photo 1' }).click();
  await page.getByRole('button', { name: 'Yes, delete photo 1' }).click();
  await expect(photos).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Photo 1 of Alan Turing deleted.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete photo 1' })).toBeFocused();
  const stored = await api.get(`/api/collections/${collectionId}/persons/${created.body.person_id as string}/images/`);
  const images = Array.isArray(stored.body) ? stored.body : stored.body.items;
  expect(images).toHaveLength(1);
});
