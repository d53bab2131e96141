import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { uniqueWideFace } from '../../fixtures/corpus.js';
import { writeY4m } from '../../helpers/y4m.js';
import { expect, test } from '../fixtures.js';
import { openEnroll, personsOnServer } from './enroll-steps.js';

const screenshots = 'test-results/screenshots';

/** The same desk, in a Chromium whose webcam is a .y4m video of a real face photo. */
const cameraTest = test.extend<object, { fakeCamera: string }>({
  fakeCamera: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
    async ({}, use) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-y4m-'));
      const file = path.join(dir, 'face.y4m');
      await writeY4m(file, await (await uniqueWideFace(61)).jpeg().toBuffer(), { width: 600, height: 800, frames: 5 });
      await use(file);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  deskBrowser: [
    async ({ fakeCamera }, use, workerInfo) => {
      if (workerInfo.project.name === 'electron') return use(null);
      const { launchOptions } = workerInfo.project.use;
      const args = [
        ...(launchOptions?.args ?? []),
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${fakeCamera}`,
      ];
      const browser = await chromium.launch({ ...launchOptions, args, headless: true });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

cameraTest('webcam: capture, retake, mirror, edit tags, consent, enroll', async ({ page, sandbox }) => {
  // Live face detection in the page: slow on a machine shared with other work.
  test.slow();
  await openEnroll(page, sandbox, 'At the webcam');
  await page.getByRole('button', { name: 'Start camera' }).click();
  const preview = page.getByLabel('Live camera preview');
  // The node-side tsconfig has no DOM types: read the two numbers through a plain shape.
  const size = () => preview.evaluate((v) => (v as unknown as { videoWidth: number; videoHeight: number }).videoWidth + 'x' + (v as unknown as { videoHeight: number }).videoHeight);
  await expect.poll(size).toBe('600x800');

  await page.getByLabel('First name').fill('Wera');
  await page.getByLabel('Last name').fill('Kamera');
  await page.getByRole('checkbox', { name: 'I confirm the person agreed to this consent text' }).check();
  // Asked for, and with the form filled in, the well-framed face of the fake camera is taken by itself.
  await page.getByRole('checkbox', { name: 'Capture when ready' }).check();
  const captures = page.getByRole('list', { name: 'Captured photos' });
  await expect(captures.getByRole('img', { name: 'Captured photo 1' })).toBeVisible({ timeout: 30_000 });
  await expect(captures.getByRole('listitem')).toHaveCount(1);
  await expect(captures).toContainText('Photo 1 · 600×800');
  // The same tag control, in the same words, as the Add person form.
  await expect(page.getByRole('checkbox', { name: 'Selfie (face photo) — photo 1' })).toBeChecked();
  await expect(page.getByLabel('Orientation of photo 1')).toHaveValue('orientation_portrait');
  await expect(captures).toContainText('Portrait');
  await expect(captures).not.toContainText('photo_selfie');

  await page.getByRole('button', { name: 'Retake' }).click();
  await expect(captures.getByRole('listitem')).toHaveCount(1);

  await page.getByRole('checkbox', { name: /^Mirror/ }).check();
  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  await expect(captures.getByRole('img', { name: 'Captured photo 2' })).toBeVisible();
  await page.getByLabel('Orientation of photo 2').selectOption({ label: 'Landscape' });
  await expect(page.getByLabel('Orientation of photo 2')).toHaveValue('orientation_landscape');

  const enroll = page.getByRole('button', { name: 'Enroll person' });
  await expect(enroll).toBeEnabled();
  await page.getByRole('region', { name: 'Enroll at the webcam' }).screenshot({ path: `${screenshots}/enroll-webcam.png` });
  await enroll.click();
  await expect(page.getByRole('status').filter({ hasText: /(Enrolled|Saved on this desk, waiting to sync:) Wera Kamera with 2 photos/ })).toBeVisible();
  await expect(captures.getByRole('listitem')).toHaveCount(0);

  // Through the offline queue: the sync worker sends it right away while online.
  await expect.poll(async () => (await personsOnServer(sandbox)).length).toBe(1);
  const persons = await personsOnServer(sandbox);
  expect(persons[0]?.firstName).toBe('Wera');
  expect(persons[0]?.tags).toEqual([
    ['orientation_portrait', 'photo_selfie'],
    ['orientation_landscape', 'photo_selfie'],
  ]);
  expect(persons[0]?.enrollment).toMatchObject({ source: 'webcam', operator: sandbox.email, consent: { confirmed: true, text_version: '2026-01' } });
});

for (const [errorName, expected] of [
  ['NotAllowedError', 'Camera access was refused. Allow the camera'],
  ['NotFoundError', 'No camera was found. Connect a webcam'],
] as const) {
  test(`webcam: ${errorName} is explained with what to do`, async ({ page, sandbox }) => {
    await page.addInitScript((name) => {
      // Runs in the page; the node-side tsconfig has no DOM types.
      Object.defineProperty((globalThis as unknown as { navigator: object }).navigator, 'mediaDevices', {
        value: { getUserMedia: () => Promise.reject(new DOMException('blocked', name)), enumerateDevices: () => Promise.resolve([]) },
      });
    }, errorName);
    await page.reload();
    await openEnroll(page, sandbox, 'At the webcam');
    await page.getByRole('button', { name: 'Start camera' }).click();
    await expect(page.getByRole('region', { name: 'Enroll at the webcam' }).getByRole('alert')).toContainText(expected);
    await expect(page.getByRole('button', { name: 'Capture', exact: true })).toBeDisabled();
  });
}
