import type { Page } from '@playwright/test';
import { OzTestClient } from '../../../src/sandbox/testing/oz-test-client.js';
import { faceJpegs } from '../../fixtures/corpus.js';
import { expect, type SandboxAccount } from '../fixtures.js';

export const screenshots = 'test-results/screenshots';

/** Signs the desk in to the test's sandbox through the form. */
export async function signIn(page: Page, sandbox: SandboxAccount): Promise<void> {
  await page.getByLabel('Server URL').fill(sandbox.url);
  await page.getByLabel('E-mail').fill(sandbox.email);
  await page.getByLabel('Password').fill(sandbox.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'Collections' })).toBeVisible();
}

/** Talks to the sandbox directly, as another Oz user would, to set up a scenario. */
export async function sandboxApi(sandbox: SandboxAccount): Promise<OzTestClient> {
  const api = new OzTestClient(sandbox.url);
  const login = await api.login(sandbox.email, sandbox.password);
  if (login.status !== 200) throw new Error(`sandbox login failed: ${JSON.stringify(login.body)}`);
  return api;
}

export async function createCollection(api: OzTestClient, alias: string): Promise<string> {
  const companies = await api.get('/api/companies/?search_text=');
  const companyId = companies.body.items[0].company_id as string;
  const created = await api.postJson('/api/collections/', { alias, company_id: companyId });
  if (created.status !== 201) throw new Error(`create collection failed: ${JSON.stringify(created.body)}`);
  return created.body.collection_id as string;
}

export async function createPerson(api: OzTestClient, collectionId: string, first: string, last: string, face: Buffer): Promise<string> {
  const res = await api.upload(
    `/api/collections/${collectionId}/persons/`,
    [{ field: 'image0', bytes: face, name: `${first}.jpg` }],
    { 'media:tags': { image0: ['photo_selfie', 'orientation_portrait'] }, 'person:meta_data': { person_info: { first_name: first, middle_name: '', last_name: last } } },
  );
  if (res.status !== 201 && res.status !== 200) throw new Error(`create person failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.person_id as string;
}

/** A person's photos through the images route Oz documents (a person need not embed them). */
export async function personImages(api: OzTestClient, collectionId: string, personId: string): Promise<readonly Record<string, unknown>[]> {
  const res = await api.get(`/api/collections/${collectionId}/persons/${personId}/images/`);
  if (res.status !== 200) throw new Error(`list person images failed: ${res.status} ${JSON.stringify(res.body)}`);
  return Array.isArray(res.body) ? res.body : res.body.items;
}

/** The analysis once it has run: Oz may answer PROCESSING first and fill the results later. */
export async function finishedAnalysis(api: OzTestClient, analysisId: string): Promise<any> {
  let analysis: any = null;
  await expect
    .poll(async () => {
      analysis = (await api.get(`/api/analyses/${analysisId}`)).body;
      return analysis?.state;
    }, { message: `analysis ${analysisId} finishes`, timeout: 10_000 })
    .toBe('FINISHED');
  return analysis;
}

/** Real face photos (portrait, 600 px short side) as files for an `<input type=file>`. */
export async function faceFiles(indexes: readonly number[]): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const faces = await faceJpegs();
  return indexes.map((i) => ({ name: `face-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: faces[i] as Buffer }));
}

/** Opens a collection's persons from the collections list. */
export async function openCollection(page: Page, alias: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${alias}`, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Persons in ${alias}` })).toBeVisible();
}
