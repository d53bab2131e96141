import { openEnroll } from '../enroll/enroll-steps.js';
import { expect, test } from './camera-fixtures.js';

test.use({ cameraScene: 'empty' });

test('an empty scene says no face and is never captured, while manual capture stays possible', async ({ page, sandbox }) => {
  await openEnroll(page, sandbox, 'At the webcam');
  const webcam = page.getByRole('region', { name: 'Enroll at the webcam' });
  await webcam.getByRole('button', { name: 'Start camera' }).click();

  await expect(webcam.getByText('No face found: look at the camera')).toBeVisible({ timeout: 30_000 });
  await expect(webcam.getByRole('list', { name: 'Face check warnings' })).toContainText('No face was found');
  await page.waitForTimeout(3_000);
  await expect(webcam.getByRole('img', { name: /Captured photo/ })).toHaveCount(0);
  await expect(webcam.getByRole('button', { name: 'Capture', exact: true })).toBeEnabled();
  await webcam.screenshot({ path: 'test-results/screenshots/face-quality-no-face.png' });
});
