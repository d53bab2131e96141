import { faceJpegs } from '../../fixtures/corpus.js';
import { expect, test } from '../fixtures.js';
import { createPerson, finishedAnalysis, openCollection, sandboxApi, screenshots, signIn } from './helpers.js';

test('shows the COLLECTION analysis that blocks a person, then deletes both on confirmation', async ({ page, sandbox }) => {
  const api = await sandboxApi(sandbox);
  const collectionId = (await api.get('/api/collections/')).body.items[0].collection_id as string;
  const [face] = await faceJpegs();
  const personId = await createPerson(api, collectionId, 'Katherine', 'Johnson', face as Buffer);
  // Another desk searched the collection with the same photo: the analysis names the person.
  const folder = await api.upload('/api/folders/', [{ field: 'probe', bytes: face as Buffer }], { 'media:tags': { probe: ['photo_selfie'] } });
  expect(folder.status).toBe(201);
  const analysis = await api.postJson(`/api/folders/${folder.body.folder_id as string}/analyses/`, {
    analyses: [{ type: 'collection', collection_id: collectionId }],
  });
  const analysisId = analysis.body[0].analysis_id as string;
  expect((await finishedAnalysis(api, analysisId)).results_media[0].person_id).toBe(personId);

  await signIn(page, sandbox);
  await openCollection(page, 'demo-watchlist');
  await page.getByRole('button', { name: 'Katherine Johnson' }).click();
  await page.getByRole('button', { name: 'Delete person' }).click();
  await page.getByRole('button', { name: 'Yes, delete Katherine Johnson' }).click();

  const blocking = page.getByRole('alertdialog', { name: /Katherine Johnson is referenced by 1 analysis/ });
  await expect(blocking).toBeVisible();
  const table = blocking.getByRole('table', { name: 'Analyses that matched this person' });
  // The folder id, shortened, with a button that copies it whole.
  const folderId = folder.body.folder_id as string;
  await expect(table).toContainText(folderId.slice(0, 8));
  await expect(table.getByRole('button', { name: `Copy Folder ${folderId}` })).toBeVisible();
  await expect(table).toContainText('100%');
  await expect(blocking).toContainText('refuses to delete them');
  await page.screenshot({ path: `${screenshots}/person-delete-blocked.png`, fullPage: true });
  // Still there: nothing was deleted before the explicit confirmation.
  expect((await api.get(`/api/analyses/${analysisId}`)).status).toBe(200);

  await blocking.getByRole('button', { name: 'Delete the analyses and Katherine Johnson' }).click();
  // Back on the list, its heading has the focus and a toast says what happened.
  await expect(page.getByRole('heading', { name: 'Persons in demo-watchlist' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Katherine Johnson deleted.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Katherine Johnson' })).toHaveCount(0);
  expect((await api.get(`/api/analyses/${analysisId}`)).status).toBe(404);
  expect((await api.get(`/api/collections/${collectionId}/persons/${personId}`)).status).toBe(404);
});
