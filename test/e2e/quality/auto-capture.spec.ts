import { openEnroll } from '../enroll/enroll-steps.js';
import { expect, test } from './camera-fixtures.js';

test.use({ cameraScene: 'face' });

test('a well-framed face is captured by itself once every check has passed', async ({ page, sandbox }) => {
  test.slow();
  await openEnroll(page, sandbox, 'At the webcam');
  const webcam = page.getByRole('region', { name: 'Enroll at the webcam' });
  await webcam.getByRole('button', { name: 'Start camera' }).click();

  // Until the operator asks, a passing face is only a cue: nothing is taken before the form can be completed.
  const guidance = webcam.getByRole('status').filter({ hasText: /take|still|face|closer|back|light|person|centre|Capture/i });
  await expect(guidance).toHaveText('Good: press Capture to add this photo', { timeout: 60_000 });
  await webcam.screenshot({ path: 'test-results/screenshots/face-quality-passing.png' });
  await page.waitForTimeout(2_500);
  await expect(webcam.getByRole('img', { name: /Captured photo/ })).toHaveCount(0);
  // Asked for, it still waits for the name and the consent.
  await webcam.getByRole('checkbox', { name: 'Capture when ready' }).check();
  await expect(webcam.getByText('Waiting for the name and the consent before taking the photo by itself.')).toBeVisible();
  await page.waitForTimeout(2_500);
  await expect(webcam.getByRole('img', { name: /Captured photo/ })).toHaveCount(0);
  await webcam.getByLabel('First name').fill('Ada');
  await webcam.getByRole('checkbox', { name: 'I confirm the person agreed to this consent text' }).check();
  // The face has passed for longer than the hold time already: the photo follows at once.
  await expect(webcam.getByRole('img', { name: 'Captured photo 1' })).toBeVisible({ timeout: 30_000 });
  await expect(webcam.getByText('Photo taken', { exact: true })).toBeVisible();
  // Once only: the same steady face does not fill the list with copies.
  await page.waitForTimeout(2_500);
  await expect(webcam.getByRole('img', { name: /Captured photo/ })).toHaveCount(1);
  await webcam.screenshot({ path: 'test-results/screenshots/face-quality-captured.png' });

  // Only the first photo is automatic: with a photo already taken, a restarted camera adds none.
  await webcam.getByRole('button', { name: 'Stop camera' }).click();
  await webcam.getByRole('button', { name: 'Start camera' }).click();
  await expect(guidance).toHaveText('Good: press Capture to add this photo', { timeout: 30_000 });
  await page.waitForTimeout(2_500);
  await expect(webcam.getByRole('img', { name: /Captured photo/ })).toHaveCount(1);

  // Without a photo, a restarted camera starts afresh: nothing is taken before its first
  // frame, the pass time starts again, and one automatic photo follows.
  await webcam.getByRole('button', { name: 'Remove photo 1' }).click();
  await expect(webcam.getByRole('img', { name: /Captured photo/ })).toHaveCount(0);
  await webcam.getByRole('button', { name: 'Stop camera' }).click();
  await webcam.getByRole('button', { name: 'Start camera' }).click();
  await expect(webcam.getByRole('img', { name: 'Captured photo 1' })).toBeVisible({ timeout: 30_000 });
  await expect(webcam.getByText('The camera has no picture yet.')).toHaveCount(0);
  await page.waitForTimeout(2_500);
  await expect(webcam.getByRole('img', { name: /Captured photo/ })).toHaveCount(1);
});
