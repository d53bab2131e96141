import type { Locator, Page } from '@playwright/test';
import { faceFiles, openCollection, sandboxApi, signIn } from '../collections/helpers.js';
import type { SandboxServer } from '../fixtures.js';
import { expectOneState } from '../one-state.js';
import { expect, test } from '../quality/camera-fixtures.js';
import { readyToEnroll, webcamOn } from './webcam-steps.js';

// A well-framed face: the webcam's face checks pass, so Capture takes it.
test.use({ cameraScene: 'face' });

/** The bound: offline, enrolling answers as fast as online. */
const OFFLINE_ANSWER_MS = 300;

/**
 * Milliseconds from the click on `button` to a status line containing `answer`, both taken in
 * the page: the click event's time and the DOM change that shows the answer (a MutationObserver,
 * so no polling interval is added). Written as page source: the runner's types know no DOM.
 */
async function timeToAnswer(page: Page, button: Locator, answer: string): Promise<number> {
  await page.evaluate(`void (window.__enrollAnswer = new Promise((resolve) => {
    let clickedAt = null;
    document.addEventListener('click', () => { clickedAt ??= performance.now(); }, { capture: true, once: true });
    const shown = () => [...document.querySelectorAll('[role="status"]')].some((e) => (e.textContent ?? '').includes(${JSON.stringify(answer)}));
    const observer = new MutationObserver(() => {
      if (clickedAt === null || !shown()) return;
      observer.disconnect();
      resolve(performance.now() - clickedAt);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }))`);
  await button.click();
  return Number(await page.evaluate('window.__enrollAnswer'));
}

/** Names of the persons the server lists in its demo collection (raw HTTP). */
async function namesOnServer(sandbox: SandboxServer): Promise<string[]> {
  const api = await sandboxApi(sandbox);
  const listed = (await api.get(`/api/collections/${sandbox.collectionId}/persons/?limit=1000`)).body;
  const persons = (Array.isArray(listed) ? listed : listed.items) as { meta_data: { person_info?: { first_name?: string; last_name?: string } } | null }[];
  return persons.map((p) => `${p.meta_data?.person_info?.first_name ?? ''} ${p.meta_data?.person_info?.last_name ?? ''}`).sort();
}

test('offline, the webcam enrollment is saved on the desk within 300 ms, and arrives once the server is back', async ({ page, sandbox }) => {
  test.setTimeout(120_000);
  await signIn(page, sandbox);
  const webcam = await webcamOn(page, 'demo-watchlist');
  await readyToEnroll(webcam, 'Wanda', 'Webcam');
  // The link drops the way branch links do: requests go out and nothing ever answers.
  await sandbox.goOffline('hang');
  const elapsed = await timeToAnswer(page, webcam.getByRole('button', { name: 'Enroll person' }), 'Saved on this desk');
  const saved = webcam.getByRole('status').filter({ hasText: 'Wanda Webcam' });
  test.info().annotations.push({ type: 'offline webcam enrollment (ms)', description: elapsed.toFixed(0) });
  expect(elapsed).toBeLessThanOrEqual(OFFLINE_ANSWER_MS);
  await expect(saved).toContainText('Saved on this desk');
  await expectOneState(page);

  await sandbox.goOnline();
  await expect(saved).toContainText('Enrolled', { timeout: 45_000 });
  await expect(saved).not.toContainText('Saved on this desk');
  await expectOneState(page);
  expect(await namesOnServer(sandbox)).toEqual(['Wanda Webcam']);
});

test('offline, "Create person" from the form is saved on the desk within 300 ms, and arrives once the server is back', async ({ page, sandbox }) => {
  test.setTimeout(120_000);
  await signIn(page, sandbox);
  await openCollection(page, 'demo-watchlist');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('First name').fill('Fiona');
  await page.getByLabel('Last name').fill('Form');
  await page.getByLabel('Photos (JPEG or PNG)').setInputFiles(await faceFiles([4]));
  await expect(page.getByRole('list', { name: 'Chosen photos' }).getByText('after orienting')).toHaveCount(1);
  await page.getByRole('checkbox', { name: /I confirm the person agreed/ }).check();

  await sandbox.goOffline('hang');
  const elapsed = await timeToAnswer(page, page.getByRole('button', { name: 'Create person' }), 'Saved on this desk');
  const saved = page.getByRole('status').filter({ hasText: 'Saved on this desk' });
  test.info().annotations.push({ type: 'offline form enrollment (ms)', description: elapsed.toFixed(0) });
  expect(elapsed).toBeLessThanOrEqual(OFFLINE_ANSWER_MS);
  // Her collection's persons list shows her as waiting to sync until the server has her.
  const waiting = page.getByRole('list', { name: 'Waiting to sync' }).getByRole('listitem').filter({ hasText: 'Fiona Form' });
  await expect(waiting).toContainText('waiting to sync');
  await expectOneState(page);

  await sandbox.goOnline();
  const persons = page.getByRole('list', { name: 'Persons' });
  await expect(persons.getByRole('button', { name: 'Fiona Form' })).toBeVisible({ timeout: 45_000 });
  await expect(waiting).toHaveCount(0);
  await expect(saved).toHaveCount(0);
  await expectOneState(page);
  expect(await namesOnServer(sandbox)).toEqual(['Fiona Form']);
});
