import { uniqueFace } from '../../fixtures/corpus.js';
import { expect, test } from '../fixtures.js';
import { createCollection, createPerson, sandboxApi, screenshots, signIn } from './helpers.js';

test('deletes a collection of 30 persons: preview, typed alias, progress to the end', async ({ page, sandbox }) => {
  test.setTimeout(120_000);
  const api = await sandboxApi(sandbox);
  const collectionId = await createCollection(api, 'closing-branch');
  const first = await (await uniqueFace(0)).jpeg().toBuffer();
  for (let i = 0; i < 30; i += 1) {
    const face = i === 0 ? first : await (await uniqueFace(i)).jpeg().toBuffer();
    await createPerson(api, collectionId, `Person${i}`, 'Closing', face);
  }
  const folder = await api.upload('/api/folders/', [{ field: 'probe', bytes: first }], { 'media:tags': { probe: ['photo_selfie'] } });
  await api.postJson(`/api/folders/${folder.body.folder_id as string}/analyses/`, { analyses: [{ type: 'collection', collection_id: collectionId }] });

  await signIn(page, sandbox);
  const row = page.getByRole('row', { name: /closing-branch/ });
  await expect(row).toContainText('30');
  await page.getByRole('button', { name: 'Delete closing-branch' }).click();
  const panel = page.getByRole('alertdialog', { name: 'Delete collection “closing-branch”' });
  const counts = panel.getByRole('list', { name: 'What will be deleted' });
  await expect(counts).toContainText('30 persons');
  await expect(counts).toContainText('30 photos');
  await expect(counts).toContainText(/[1-9]\d* related analys[ie]s found/);

  const confirm = panel.getByLabel(/Type the alias/);
  await expect(confirm).toBeFocused();
  await confirm.fill('closing');
  await expect(panel.getByRole('button', { name: 'Delete collection' })).toBeDisabled();
  await confirm.fill('closing-branch');
  await page.screenshot({ path: `${screenshots}/collection-delete-confirm.png`, fullPage: true });
  await confirm.press('Enter');

  const progress = page.getByRole('region', { name: 'Collection deletions' });
  await expect(progress.getByRole('progressbar', { name: 'Deleting closing-branch' })).toBeVisible();
  await expect(progress).toContainText('Finished: 30 persons', { timeout: 60_000 });
  await page.screenshot({ path: `${screenshots}/collection-delete-done.png`, fullPage: true });
  await expect(row).toHaveCount(0);
  expect((await api.get(`/api/collections/${collectionId}/`)).status).toBe(404);
  // A finished deletion's card is closed by the operator and does not pile up.
  await progress.getByRole('button', { name: 'Close the note about closing-branch' }).click();
  await expect(progress).toHaveCount(0);
});
