import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OzClient } from '../../src/core/oz/index.js';
import { makeJpeg } from '../helpers/make-jpeg.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';
import { onStrictProfile } from '../helpers/sandbox-profile.js';

const PERSONS = 2_500;
const PARALLEL = 4;

let sb: Sandbox;
let client: OzClient;

beforeAll(async () => {
  sb = await startDemoSandbox();
  ({ client } = await signedInClient(sb));
});
afterAll(() => sb.close());

it('pages through 2,500 persons returning each exactly once', { timeout: 180_000 }, async () => {
  const { collectionId } = await client.createCollection({ alias: 'paging', companyId: sb.demo?.companyId ?? '' });
  const created = new Set<string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < PERSONS) {
      const n = next++;
      const bytes = await makeJpeg(10_000 + n, 16);
      const person = await client.createPerson(collectionId, {
        photos: [{ bytes, fileName: `p${n}.jpg`, mimeType: 'image/jpeg', tags: ['photo_selfie'] }],
        metaData: { n },
      });
      created.add(person.personId);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  expect(created.size).toBe(PERSONS);

  const seen = new Map<string, number>();
  for await (const person of client.iteratePersons(collectionId, { pageSize: 100 })) {
    seen.set(person.personId, (seen.get(person.personId) ?? 0) + 1);
  }
  expect(seen.size).toBe(PERSONS);
  expect([...seen.values()].every((count) => count === 1)).toBe(true);
  expect([...seen.keys()].every((id) => created.has(id))).toBe(true);

  const last = await client.listPersons(collectionId, { limit: 100, offset: PERSONS - 40 });
  expect([last.items.length, last.total]).toEqual([40, onStrictProfile() ? null : PERSONS]);
  // Past the end: an empty page, whether or not the server counts.
  expect((await client.listPersons(collectionId, { limit: 100, offset: PERSONS + 100 })).items).toEqual([]);
});
