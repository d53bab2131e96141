import { expect, type Page } from '@playwright/test';
import { createOzClient, type OzClient } from '../../../src/core/oz/index.js';
import type { SandboxAccount } from '../fixtures.js';

const DEMO_ALIAS = 'demo-watchlist';

/** Signs in through the form and opens the Enroll work area on the demo collection, at the folder or the webcam tab. */
export async function openEnroll(page: Page, sandbox: SandboxAccount, tab: 'From a folder' | 'At the webcam' = 'From a folder'): Promise<void> {
  await page.getByLabel('Server URL').fill(sandbox.url);
  await page.getByLabel('E-mail').fill(sandbox.email);
  await page.getByLabel('Password').fill(sandbox.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Work areas' }).getByRole('button', { name: 'Enroll' }).click();
  await expect(page.getByRole('region', { name: 'Enroll', exact: true })).toBeVisible();
  const picker = page.getByLabel('Collection', { exact: true });
  await expect(picker).toBeVisible();
  await picker.selectOption({ label: DEMO_ALIAS });
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

/** A client of the sandbox, to check what the desk really wrote. */
export async function sandboxClient(sandbox: SandboxAccount): Promise<{ client: OzClient; collectionId: string }> {
  const { client, session } = createOzClient({ baseUrl: sandbox.url, email: sandbox.email, password: sandbox.password });
  await session.signIn();
  const collection = (await client.listCollections()).find((c) => c.alias === DEMO_ALIAS);
  if (!collection) throw new Error('no demo collection');
  return { client, collectionId: collection.collectionId };
}

export interface PersonOnServer {
  readonly firstName: string;
  readonly tags: readonly (readonly string[])[];
  readonly enrollment: Record<string, unknown>;
}

export async function personsOnServer(sandbox: SandboxAccount): Promise<PersonOnServer[]> {
  const { client, collectionId } = await sandboxClient(sandbox);
  const out: PersonOnServer[] = [];
  for await (const p of client.iteratePersons(collectionId)) {
    out.push({
      firstName: (p.metaData?.['person_info'] as { first_name: string }).first_name,
      tags: (await client.listPersonImages(collectionId, p.personId)).map((i) => [...i.tags].sort()),
      enrollment: p.metaData?.['enrollment'] as Record<string, unknown>,
    });
  }
  return out.sort((a, b) => a.firstName.localeCompare(b.firstName));
}
