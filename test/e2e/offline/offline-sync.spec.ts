import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createOzClient } from '../../../src/core/oz/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import { personsOnServer } from '../enroll/enroll-steps.js';
import { expect, test } from '../quality/camera-fixtures.js';

// A well-framed face: the desk's face checks take each photo by themselves.
test.use({ cameraScene: 'face' });

const screenshots = 'test-results/screenshots';
const PERSONS = [
  ['Olga', 'Offline'],
  ['Pavel', 'Pending'],
  ['Rita', 'Return'],
] as const;

async function signInAndOpenEnroll(page: Page, url: string, demo: NonNullable<RunningSandbox['demo']>, collection: string): Promise<void> {
  await page.getByLabel('Server URL').fill(url);
  await page.getByLabel('E-mail').fill(demo.email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Enroll' }).click();
  await page.getByLabel('Collection', { exact: true }).selectOption({ label: collection });
  await page.getByRole('tab', { name: 'At the webcam' }).click();
  // Every person below is captured by hand from a running camera, once its face checks pass.
  const webcam = page.getByRole('region', { name: 'Enroll at the webcam' });
  await webcam.getByRole('button', { name: 'Start camera' }).click();
  await expect(webcam.getByRole('status').filter({ hasText: 'Good: press Capture to add this photo' })).toBeVisible({ timeout: 60_000 });
}

async function enrollAtWebcam(page: Page, first: string, last: string): Promise<void> {
  const webcam = page.getByRole('region', { name: 'Enroll at the webcam' });
  await webcam.getByLabel('First name').fill(first);
  await webcam.getByLabel('Last name').fill(last);
  await webcam.getByRole('button', { name: 'Capture', exact: true }).click();
  await expect(webcam.getByRole('img', { name: 'Captured photo 1' })).toBeVisible();
  await webcam.getByRole('checkbox', { name: 'I confirm the person agreed to this consent text' }).check();
  await webcam.getByRole('button', { name: 'Enroll person' }).click();
  await expect(webcam.getByRole('status').filter({ hasText: `${first} ${last}` })).toBeVisible();
}

const tile = (page: Page, label: string, count: number) => page.getByRole('list', { name: 'Queue counts' }).getByRole('listitem', { name: `${label}: ${count}` });

test('offline: three persons enrolled while the server is down sync by themselves when it is back', async ({ page, sandboxProfile }) => {
  test.setTimeout(150_000);
  const sandboxDir = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-oz-'));
  let sandbox: RunningSandbox | null = await startSandbox({ port: 0, dataDir: sandboxDir, seedDemo: true, profile: sandboxProfile });
  const { url, port } = sandbox;
  const demo = sandbox.demo as NonNullable<RunningSandbox['demo']>;
  try {
    await signInAndOpenEnroll(page, url, demo, 'demo-watchlist');

    // The branch link drops.
    await sandbox.close();
    sandbox = null;
    for (const [first, last] of PERSONS) await enrollAtWebcam(page, first, last);

    const badge = page.getByRole('button', { name: 'Offline — 3 waiting' });
    await expect(badge).toBeVisible({ timeout: 20_000 });
    await badge.click();
    const sync = page.getByRole('region', { name: 'Sync' });
    await expect(tile(page, 'Pending', 3)).toBeVisible();
    await expect(tile(page, 'Done today', 0)).toBeVisible();
    await expect(sync.getByText('Offline', { exact: true })).toBeVisible();
    const table = sync.getByRole('table', { name: 'Queued items' });
    for (const [first, last] of PERSONS) await expect(table.getByRole('row', { name: new RegExp(`${first} ${last}`) })).toBeVisible();
    await page.screenshot({ path: `${screenshots}/sync-offline-pending.png`, fullPage: true });

    // The server comes back on the same address with the same data: nobody touches the desk.
    sandbox = await startSandbox({ port, dataDir: sandboxDir, seedDemo: true, profile: sandboxProfile });
    await expect(tile(page, 'Done today', 3)).toBeVisible({ timeout: 45_000 });
    await expect(tile(page, 'Pending', 0)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Online — all sent' })).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Done' })).toHaveCount(3);
    await page.screenshot({ path: `${screenshots}/sync-back-online-done.png`, fullPage: true });

    const persons = await personsOnServer({ url, email: demo.email, password: demo.password });
    expect(persons.map((p) => p.firstName)).toEqual(['Olga', 'Pavel', 'Rita']);
    for (const p of persons) expect(p.enrollment).toMatchObject({ source: 'webcam', id: expect.any(String) });
  } finally {
    await sandbox?.close();
    rmSync(sandboxDir, { recursive: true, force: true });
  }
});

test('quarantine: items for a collection deleted meanwhile wait for the operator, who discards or retries them', async ({ page, sandboxProfile }) => {
  test.setTimeout(150_000);
  const sandboxDir = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-oz-'));
  let sandbox: RunningSandbox | null = await startSandbox({ port: 0, dataDir: sandboxDir, seedDemo: true, profile: sandboxProfile });
  const { url, port } = sandbox;
  const demo = sandbox.demo as NonNullable<RunningSandbox['demo']>;
  const api = async (base: string) => {
    const { client, session } = createOzClient({ baseUrl: base, email: demo.email, password: demo.password });
    await session.signIn();
    return client;
  };
  try {
    const doomed = await (await api(url)).createCollection({ alias: 'branch-pilot', companyId: demo.companyId });
    await signInAndOpenEnroll(page, url, demo, 'demo-watchlist');
    await enrollAtWebcam(page, 'Dora', 'Done');
    await page.getByLabel('Collection', { exact: true }).selectOption({ label: 'branch-pilot' });
    await sandbox.close();
    sandbox = null;
    await enrollAtWebcam(page, 'Quinn', 'Quarantine');
    await enrollAtWebcam(page, 'Dirk', 'Discard');
    await page.getByRole('button', { name: /^Offline — 2 waiting/ }).click();
    await expect(tile(page, 'Done today', 1)).toBeVisible();
    await page.screenshot({ path: `${screenshots}/sync-pending-and-done.png`, fullPage: true });

    // Meanwhile someone deletes the collection (on a port this desk does not know), then the server is back.
    const elsewhere = await startSandbox({ port: 0, dataDir: sandboxDir, profile: sandboxProfile });
    await (await api(elsewhere.url)).deleteCollection(doomed.collectionId);
    await elsewhere.close();
    sandbox = await startSandbox({ port, dataDir: sandboxDir, seedDemo: true, profile: sandboxProfile });

    await expect(tile(page, 'Quarantined', 2)).toBeVisible({ timeout: 45_000 });
    await expect(page.getByRole('button', { name: 'Online — all sent, 2 need attention' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Queued items' });
    const quinn = table.getByRole('row', { name: /Quinn Quarantine/ });
    await expect(quinn).toContainText('no longer exists on the server');
    await page.getByRole('button', { name: 'Fix tags of Quinn Quarantine' }).click();
    await expect(page.getByRole('form', { name: 'Fix tags of Quinn Quarantine' })).toBeVisible();
    await page.screenshot({ path: `${screenshots}/sync-quarantined.png`, fullPage: true });
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Discard Dirk Discard' }).click();
    await page.getByRole('group', { name: 'Confirm discarding Dirk Discard' }).getByRole('button', { name: 'Discard for good' }).click();
    await expect(table.getByRole('row', { name: /Dirk Discard/ })).toHaveCount(0);
    await expect(tile(page, 'Quarantined', 1)).toBeVisible();

    // Retrying cannot bring the collection back: the item is quarantined again, with its reason.
    await page.getByRole('button', { name: 'Retry Quinn Quarantine' }).click();
    await expect(tile(page, 'Quarantined', 1)).toBeVisible();
    await expect(quinn).toContainText('no longer exists on the server');
  } finally {
    await sandbox?.close();
    rmSync(sandboxDir, { recursive: true, force: true });
  }
});
