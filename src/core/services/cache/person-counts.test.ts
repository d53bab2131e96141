import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, startDemoSandbox, type Sandbox } from '../../../../test/helpers/sandbox.js';
import { makePhoto } from '../../../../test/helpers/make-jpeg.js';
import type { OzClient } from '../../oz/index.js';
import { PersonCounts } from './person-counts.js';

let sb: Sandbox;
let client: OzClient;
let seed = 1;

beforeAll(async () => {
  sb = await startDemoSandbox();
  client = (await signedInClient(sb, { timeoutMs: 5000 })).client;
});
afterAll(() => sb.close());

async function newCollection(persons: number): Promise<string> {
  const { collectionId } = await client.createCollection({ alias: `count-${seed}`, companyId: sb.demo!.companyId });
  for (let i = 0; i < persons; i += 1) await addPerson(collectionId);
  return collectionId;
}

async function addPerson(collectionId: string): Promise<string> {
  seed += 1;
  return (await client.createPerson(collectionId, { photos: [await makePhoto(seed)], metaData: { first_name: `P${seed}` } })).personId;
}

describe('PersonCounts', () => {
  it('counts up to the walk limit, tells exactly the limit from more, and gives no count past it', async () => {
    const counts = () => new PersonCounts({ pageSize: 2, maxPages: 3 });
    expect(await counts().of(client, await newCollection(0))).toBe(0);
    expect(await counts().of(client, await newCollection(5))).toBe(5);
    const full = await newCollection(6);
    expect(await counts().of(client, full)).toBe(6);
    await addPerson(full);
    expect(await counts().of(client, full)).toBeNull();
  });

  it('fills only the counts a server left out, and a collection it cannot read keeps none', async () => {
    const counts = new PersonCounts();
    const real = await newCollection(2);
    const filled = await counts.fill(client, [
      { collectionId: real, personsCount: null },
      { collectionId: 'given', personsCount: 41 },
      { collectionId: '00000000-0000-4000-8000-000000000000', personsCount: null },
    ]);
    expect(filled.map((c) => c.personsCount)).toEqual([2, 41, null]);
  });

  // The model: the true size, and what the cache answers until it is told the size changed.
  it('answers the cached count until forgotten, then the true size (property)', async () => {
    const op = fc.oneof(fc.constant('add' as const), fc.constant('delete' as const), fc.constant('read' as const), fc.constant('forget' as const));
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const collectionId = await newCollection(1);
        const persons = [(await client.listPersons(collectionId, { limit: 10, offset: 0 })).items[0]!.personId];
        const counts = new PersonCounts({ pageSize: 2, maxPages: 2 });
        let cached: number | null | undefined;
        for (const step of ops) {
          if (step === 'add') persons.push(await addPerson(collectionId));
          if (step === 'delete' && persons.length > 0) await client.deletePerson(collectionId, persons.pop()!);
          if (step === 'forget') {
            counts.forget(collectionId);
            cached = undefined;
          }
          if (step === 'read') {
            const truth = persons.length <= 4 ? persons.length : null;
            const answer = await counts.of(client, collectionId);
            expect(answer).toBe(cached === undefined ? truth : cached);
            cached = answer;
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('counts again once an answer is older than its time to live', async () => {
    let now = 0;
    const counts = new PersonCounts({ ttlMs: 1000, now: () => now });
    const collectionId = await newCollection(1);
    expect(await counts.of(client, collectionId)).toBe(1);
    await addPerson(collectionId);
    now = 500;
    expect(await counts.of(client, collectionId)).toBe(1);
    now = 1501;
    expect(await counts.of(client, collectionId)).toBe(2);
  });
});
