import type { Locator, Page } from '@playwright/test';
import type { SandboxAccount } from '../fixtures.js';
import { expect } from '../quality/camera-fixtures.js';
import { sandboxApi } from '../collections/helpers.js';

/** Signs in through the form (the URL field may still hold the last server). */
export async function signInTo(page: Page, server: SandboxAccount): Promise<void> {
  await page.getByLabel('Server URL').fill(server.url);
  await page.getByLabel('E-mail').fill(server.email);
  await page.getByLabel('Password').fill(server.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(server.url);
}

/** Opens Enroll's webcam tab on `alias`, starts the camera and waits until the face checks pass. */
export async function webcamOn(page: Page, alias: string): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Enroll' }).click();
  await page.getByLabel('Collection', { exact: true }).selectOption({ label: alias });
  await page.getByRole('tab', { name: 'At the webcam' }).click();
  const webcam = page.getByRole('region', { name: 'Enroll at the webcam' });
  await webcam.getByRole('button', { name: 'Start camera' }).click();
  await expect(webcam.getByRole('status').filter({ hasText: 'Good: press Capture to add this photo' })).toBeVisible({ timeout: 60_000 });
  return webcam;
}

/** Names the person, captures one photo by hand and confirms consent: ready for Enroll person. */
export async function readyToEnroll(webcam: Locator, first: string, last: string): Promise<void> {
  await webcam.getByLabel('First name').fill(first);
  await webcam.getByLabel('Last name').fill(last);
  await webcam.getByRole('button', { name: 'Capture', exact: true }).click();
  await expect(webcam.getByRole('img', { name: 'Captured photo 1' })).toBeVisible();
  await webcam.getByRole('checkbox', { name: 'I confirm the person agreed to this consent text' }).check();
}

/** Captures and enrolls one person; resolves with the answer's status line. */
export async function enrollCaptured(webcam: Locator, first: string, last: string): Promise<Locator> {
  await readyToEnroll(webcam, first, last);
  await webcam.getByRole('button', { name: 'Enroll person' }).click();
  const answer = webcam.getByRole('status').filter({ hasText: `${first} ${last}` });
  await expect(answer).toBeVisible();
  return answer;
}

export interface ListedPerson {
  readonly name: string;
  readonly enrollmentId: string | null;
}

/** Every person in every collection of a server, by collection alias (raw HTTP; a list may be a bare array or {items}). */
export async function everyPerson(server: SandboxAccount): Promise<Record<string, ListedPerson[]>> {
  const api = await sandboxApi(server);
  const items = (body: unknown) => (Array.isArray(body) ? body : (body as { items: unknown[] }).items) as Record<string, any>[];
  const out: Record<string, ListedPerson[]> = {};
  for (const c of items((await api.get('/api/collections/')).body)) {
    const persons = items((await api.get(`/api/collections/${c['collection_id'] as string}/persons/?limit=1000`)).body);
    out[c['alias'] as string] = persons.map((p) => ({
      name: `${p['meta_data']?.person_info?.first_name ?? ''} ${p['meta_data']?.person_info?.last_name ?? ''}`,
      enrollmentId: (p['meta_data']?.enrollment?.id as string | undefined) ?? null,
    }));
  }
  return out;
}
