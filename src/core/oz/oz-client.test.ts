import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startStub, type StubServer } from '../../../test/helpers/stub-server.js';
import { createOzClient } from './index.js';
import { OzResponseFormatError } from './oz-api-error.js';

let stub: StubServer | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

const login = { access_token: 'a', expire_token: 'e', expire_date: 4_000_000_000 };
const person = (n: number) => ({ person_id: `p${n}`, meta_data: null, time_created: 1.5 });

async function signedIn(handler: Parameters<typeof startStub>[0]) {
  stub = await startStub((req, res) =>
    req.url.pathname === '/api/authorize/auth' ? sendJson(res, 200, login) : handler(req, res),
  );
  const made = createOzClient({ baseUrl: stub.url, email: 'e', password: 'p' });
  await made.session.signIn();
  return made.client;
}

describe('OzClient transport details', () => {
  it('accepts a bare array as a list', async () => {
    const client = await signedIn((_req, res) => sendJson(res, 200, [{ collection_id: 'c1', alias: 'a', company_id: 'k' }]));
    await expect(client.listCollections()).resolves.toEqual([
      { collectionId: 'c1', alias: 'a', companyId: 'k', timeCreated: null },
    ]);
  });

  it('pages by offset and stops at the total', async () => {
    const client = await signedIn((req, res) => {
      const offset = Number(req.url.searchParams.get('offset'));
      const limit = Number(req.url.searchParams.get('limit'));
      const items = Array.from({ length: Math.max(0, Math.min(limit, 5 - offset)) }, (_, i) => person(offset + i));
      sendJson(res, 200, { items, total: 5 });
    });
    const ids: string[] = [];
    for await (const p of client.iteratePersons('c', { pageSize: 2 })) ids.push(p.personId);
    expect(ids).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(stub?.requests.filter((r) => r.url.pathname.endsWith('/persons/'))).toHaveLength(3);
  });

  it('reads a server that ignores limit only once', async () => {
    const client = await signedIn((_req, res) => sendJson(res, 200, [person(1), person(2), person(3)]));
    const ids: string[] = [];
    for await (const p of client.iteratePersons('c', { pageSize: 2 })) ids.push(p.personId);
    expect(ids).toEqual(['p1', 'p2', 'p3']);
  });

  it('reads analysis_id or analyse_id and the matched person', async () => {
    const client = await signedIn((req, res) =>
      sendJson(res, 200, {
        folder_id: 'f1',
        time_created: 1700000000.25,
        media: [{ media_id: 'm1', tags: ['photo_selfie'] }],
        analyses: [
          { analyse_id: 'a-old', type: 'COLLECTION', results_media: [{ person_id: 'p1', results_data: { max_confidence: 0.93 } }] },
          { analysis_id: 'a-new', type: 'collection', results_media: [] },
        ],
      }),
    );
    const folder = await client.getFolder('f1');
    expect(stub?.requests.at(-1)?.url.pathname).toBe('/api/folders/f1');
    expect(folder.analyses?.map((a) => [a.analysisId, a.type])).toEqual([
      ['a-old', 'COLLECTION'],
      ['a-new', 'COLLECTION'],
    ]);
    expect(folder.analyses?.[0]?.resultsMedia[0]).toEqual({ personId: 'p1', confidence: 0.93 });
  });

  it('sends photos as image0..n with media:tags and person:meta_data in payload', async () => {
    let form: FormData | null = null;
    const client = await signedIn(async (req, res) => {
      form = await new Response(req.body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
      sendJson(res, 201, person(9));
    });
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    await client.createPerson('c1', {
      photos: [
        { bytes, fileName: 'a.jpg', mimeType: 'image/jpeg', tags: ['photo_selfie', 'orientation_portrait'] },
        { bytes, fileName: 'b.jpg', mimeType: 'image/jpeg', tags: ['photo_selfie'] },
      ],
      metaData: { person_info: { first_name: 'John' } },
    });
    const got = form as unknown as FormData;
    expect(stub?.requests.at(-1)?.url.pathname).toBe('/api/collections/c1/persons/');
    const file = got.get('image1') as File;
    expect(file.name).toBe('b.jpg');
    expect(file.type).toBe('image/jpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(JSON.parse(String(got.get('payload')))).toEqual({
      'media:tags': { image0: ['photo_selfie', 'orientation_portrait'], image1: ['photo_selfie'] },
      'person:meta_data': { person_info: { first_name: 'John' } },
    });
  });

  it('turns an unreadable 2xx body into a typed format error', async () => {
    const client = await signedIn((_req, res) => sendJson(res, 200, { nothing: true }));
    await expect(client.getPerson('c', 'p')).rejects.toBeInstanceOf(OzResponseFormatError);
  });
});
