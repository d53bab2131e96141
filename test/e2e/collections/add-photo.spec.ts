import { faceJpegs } from '../../fixtures/corpus.js';
import { expect, test } from '../fixtures.js';
import { createPerson, faceFiles, openCollection, personImages, sandboxApi, screenshots, signIn } from './helpers.js';

test('adds a photo to an existing person', async ({ page, sandbox }) => {
  const api = await sandboxApi(sandbox);
  const collections = await api.get('/api/collections/');
  const collectionId = collections.body.items[0].collection_id as string;
  const [face] = await faceJpegs();
  const personId = await createPerson(api, collectionId, 'Grace', 'Hopper', face as Buffer);

  await signIn(page, sandbox);
  await openCollection(page, 'demo-watchlist');
  await page.getByRole('button', { name: 'Grace Hopper' }).click();
  const photos = page.getByRole('list', { name: 'Photos' }).getByRole('listitem', { name: /^Photo \d$/ });
  await expect(photos).toHaveCount(1);

  await page.getByLabel('Choose photos to add (JPEG or PNG)').setInputFiles(await faceFiles([4]));
  await expect(page.getByText('after orienting')).toBeVisible();
  await page.screenshot({ path: `${screenshots}/person-add-photo.png`, fullPage: true });
  await page.getByRole('button', { name: 'Upload 1 photo' }).click();

  await expect(photos).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Tags of photo 2' })).toContainText('Selfie (face photo)');
  await expect(page.getByRole('status').filter({ hasText: '1 photo added.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Chosen photos' })).toHaveCount(0);
  expect(await personImages(api, collectionId, personId)).toHaveLength(2);
});
