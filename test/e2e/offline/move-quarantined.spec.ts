import { createCollection, sandboxApi } from '../collections/helpers.js';
import { expectOneState } from '../one-state.js';
import { expect, test } from '../quality/camera-fixtures.js';
import { enrollCaptured, everyPerson, signInTo, webcamOn } from './webcam-steps.js';

// A well-framed face: the webcam's face checks pass, so Capture takes it.
test.use({ cameraScene: 'face' });

test('an enrollment quarantined for a deleted collection is moved to another after a confirmation naming both, arrives there, and the audit has the move', async ({
  page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const api = await sandboxApi(sandbox);
  const doomedId = await createCollection(api, 'doomed');
  await createCollection(api, 'rescue');
  await signInTo(page, sandbox);
  const webcam = await webcamOn(page, 'doomed');

  // Someone deletes the collection while the operator is enrolling into it.
  expect((await api.delete(`/api/collections/${doomedId}/`)).status).toBe(204);
  await enrollCaptured(webcam, 'Mona', 'Moved');
  const badge = page.getByRole('banner').getByRole('button', { name: 'Online — all sent, 1 needs attention' });
  await expect(badge).toBeVisible({ timeout: 30_000 });
  await badge.click();
  const row = page.getByRole('table', { name: 'Queued items' }).getByRole('row', { name: /Mona Moved/ });
  await expect(row).toContainText('no longer exists on the server');
  await expectOneState(page);

  await page.getByRole('button', { name: 'Move Mona Moved to another collection' }).click();
  const form = page.getByRole('form', { name: 'Move Mona Moved' });
  await form.getByLabel('Move to collection').selectOption({ label: 'rescue' });
  // The confirmation names where it was meant to go (deleted: the alias the desk knew, and its id) and where it goes now.
  await expect(form).toContainText(`from collection doomed (${doomedId})`);
  await expect(form).toContainText('to collection rescue');
  await form.getByRole('button', { name: 'Move', exact: true }).click();

  const tile = (label: string, count: number) => page.getByRole('list', { name: 'Queue counts' }).getByRole('listitem', { name: `${label}: ${count}` });
  await expect(tile('Done today', 1)).toBeVisible({ timeout: 30_000 });
  await expect(tile('Quarantined', 0)).toBeVisible();
  await expectOneState(page);

  const persons = await everyPerson(sandbox);
  expect(persons['rescue']?.map((p) => p.name)).toEqual(['Mona Moved']);
  expect(persons['demo-watchlist']).toEqual([]);
  expect(persons['doomed']).toBeUndefined();

  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Audit' }).click();
  const moved = page.getByRole('table').getByRole('row').filter({ hasText: 'Queue item moved to another collection' });
  await expect(moved).toHaveCount(1);
  // The audit names the collection the item went to.
  await expect(moved).toContainText('rescue');
});
