import { createCollection, sandboxApi } from '../collections/helpers.js';
import { expectOneState, expectOneStateWithSync } from '../one-state.js';
import { expect, test } from '../quality/camera-fixtures.js';
import { enrollCaptured, everyPerson, signInTo, webcamOn } from './webcam-steps.js';

// A well-framed face: the webcam's face checks pass, so Capture takes it.
test.use({ cameraScene: 'face' });

test('signed in to A with a collection chosen, then to B: enrolled offline, the person arrives in B’s chosen collection and nothing reaches A', async ({
  page,
  sandbox: serverA,
  sandboxB: serverB,
}) => {
  test.setTimeout(150_000);
  await createCollection(await sandboxApi(serverA), 'branch-a');
  await createCollection(await sandboxApi(serverB), 'branch-b');

  await signInTo(page, serverA);
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Enroll' }).click();
  const picker = page.getByLabel('Collection', { exact: true });
  await picker.selectOption({ label: 'branch-a' });
  await expectOneState(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();

  await signInTo(page, serverB);
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Enroll' }).click();
  // Server A's collection is not offered, let alone still chosen.
  await expect(picker.getByRole('option', { name: 'branch-b' })).toBeAttached();
  await expect(picker.getByRole('option', { name: 'branch-a' })).toHaveCount(0);
  await expectOneState(page);
  const webcam = await webcamOn(page, 'branch-b');

  await serverB.goOffline();
  const answer = await enrollCaptured(webcam, 'Bella', 'Branch');
  await expect(answer).toContainText('Saved on this desk');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Offline — 1 waiting' })).toBeVisible({ timeout: 20_000 });
  await expectOneState(page);

  await serverB.goOnline();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Online — all sent' })).toBeVisible({ timeout: 45_000 });
  await expect(answer).toContainText('Enrolled');
  await expectOneStateWithSync(page);

  const onB = await everyPerson(serverB);
  expect(onB['branch-b']?.map((p) => p.name)).toEqual(['Bella Branch']);
  expect(onB['demo-watchlist']).toEqual([]);
  expect(Object.values(await everyPerson(serverA)).flat()).toEqual([]);
});
