import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOzClient, OzApiError, ozPaths, type OzClient, type PhotoUpload } from '../../src/core/oz/index.js';
import { OzHttp, type OzRequest } from '../../src/core/oz/oz-http.js';
import { makeJpeg, makePhoto } from '../helpers/make-jpeg.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';
import { onStrictProfile, refusedDeleteAnswer } from '../helpers/sandbox-profile.js';

let sb: Sandbox;
let client: OzClient;
let collectionId: string;
let personId: string;
let imageId: string;
let folderId: string;
let analysisId: string;
let photo: PhotoUpload;

beforeAll(async () => {
  sb = await startDemoSandbox();
  ({ client } = await signedInClient(sb));
  collectionId = sb.demo?.collectionId ?? '';
  photo = await makePhoto(301);
  const person = await client.createPerson(collectionId, { photos: [photo] });
  personId = person.personId;
  imageId = (await client.listPersonImages(collectionId, personId))[0]?.personImageId ?? '';
  const folder = await client.createFolder({ photos: [await makePhoto(302)] });
  folderId = folder.folderId;
  analysisId = (await client.startCollectionAnalysis(folderId, collectionId))[0]?.analysisId ?? '';
});
afterAll(() => sb.close());

async function apiError(promise: Promise<unknown>): Promise<OzApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OzApiError);
  return err as OzApiError;
}

function form(files: readonly { field: string; bytes: Uint8Array; type?: string }[], payload: string): FormData {
  const f = new FormData();
  for (const file of files) f.append(file.field, new Blob([Uint8Array.from(file.bytes)], { type: file.type ?? 'image/jpeg' }), `${file.field}.jpg`);
  f.append('payload', payload);
  return f;
}

function everyEndpoint(): readonly Omit<OzRequest, 'token'>[] {
  const upload = () => form([{ field: 'image0', bytes: photo.bytes }], '{}');
  return [
    { method: 'GET', path: ozPaths.companies(), query: { search_text: 'demo' } },
    { method: 'POST', path: ozPaths.collections(), json: { alias: 'x', company_id: sb.demo?.companyId } },
    { method: 'GET', path: ozPaths.collections() },
    { method: 'GET', path: ozPaths.collection(collectionId) },
    { method: 'DELETE', path: ozPaths.collection(collectionId) },
    { method: 'POST', path: ozPaths.persons(collectionId), form: upload() },
    { method: 'GET', path: ozPaths.persons(collectionId) },
    { method: 'GET', path: ozPaths.person(collectionId, personId) },
    { method: 'DELETE', path: ozPaths.person(collectionId, personId) },
    { method: 'POST', path: ozPaths.personImages(collectionId, personId), form: upload() },
    { method: 'GET', path: ozPaths.personImages(collectionId, personId) },
    { method: 'DELETE', path: ozPaths.personImage(collectionId, personId, imageId) },
    { method: 'POST', path: ozPaths.folders(), form: upload() },
    { method: 'GET', path: ozPaths.folders(), query: { 'analyse.type': 'COLLECTION' } },
    { method: 'GET', path: ozPaths.folder(folderId) },
    { method: 'POST', path: ozPaths.folderAnalyses(folderId), json: { analyses: [{ type: 'collection', collection_id: collectionId }] } },
    { method: 'GET', path: ozPaths.analysis(analysisId) },
    { method: 'DELETE', path: ozPaths.analysis(analysisId) },
  ];
}

describe('authentication errors on every endpoint', () => {
  it('answers code 6 without a token and code 7 with an unknown one, changing nothing', async () => {
    const http = new OzHttp({ baseUrl: sb.url });
    for (const req of everyEndpoint()) {
      const missing = await apiError(http.send(req));
      expect([req.method, req.path, missing.httpStatus, missing.errorCode]).toEqual([req.method, req.path, 401, 6]);
      const bogus = await apiError(http.send({ ...req, token: 'not-a-token' }));
      expect([req.method, req.path, bogus.httpStatus, bogus.errorCode]).toEqual([req.method, req.path, 401, 7]);
    }
    await expect(client.getPerson(collectionId, personId)).resolves.toMatchObject({ personId });
    await expect(client.getAnalysis(analysisId)).resolves.toMatchObject({ analysisId });
  });

  it('refuses bad credentials at sign-in with the server error', async () => {
    const { session } = createOzClient({ baseUrl: sb.url, email: sb.demo?.email ?? '', password: 'wrong' });
    const err = await apiError(session.signIn());
    expect(err.httpStatus).toBe(401);
    expect(err.toAppError().code).toBe('OZ_API');
    expect(session.signedIn).toBe(false);
  });
});

describe('expired tokens', () => {
  it('recovers transparently when every token has expired', async () => {
    const { client: c, session } = await signedInClient(sb);
    sb.expireAllTokens();
    await expect(c.listCollections()).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ collectionId })]));
    const stats = session.stats();
    expect(stats.refreshes + stats.reLogins).toBe(1);
  });

  it('fails explicitly when the refresh and the new sign-in are both refused', async () => {
    const email = `gone-${randomUUID()}@demo.test`;
    sb.createUser({ email, password: 'right-password', userType: 'CLIENT', companyId: sb.demo?.companyId, isAdmin: true });
    // The desk keeps the password it signed in with; after this flag the server sees a stale one,
    // as after a password change on the server. The refusal itself is the sandbox's.
    let passwordChanged = false;
    const fetchImpl: typeof fetch = (input, init) => {
      const isLogin = String(input).includes('/api/authorize/auth');
      const isRefresh = String(input).includes('/api/authorize/refresh');
      if (passwordChanged && isLogin) {
        return fetch(input, { ...init, body: JSON.stringify({ credentials: { email, password: 'stale' } }) });
      }
      if (passwordChanged && isRefresh) return fetch(input, { ...init, body: JSON.stringify({ expire_token: 'revoked' }) });
      return fetch(input, init);
    };
    const { client: c, session } = createOzClient({ baseUrl: sb.url, email, password: 'right-password', fetchImpl });
    await session.signIn();
    await c.listCollections();
    passwordChanged = true;
    sb.expireAllTokens();
    const err = await apiError(c.listCollections());
    expect([err.httpStatus, err.errorMessage]).toEqual([401, 'invalid credentials']);
    expect(JSON.stringify(err.toAppError())).not.toContain('right-password');
  });
});

describe('forbidden role', () => {
  it('answers code 9 when a plain CLIENT manages collections, persons, images or analyses', async () => {
    const email = `clerk-${randomUUID()}@demo.test`;
    sb.createUser({ email, password: 'clerk-pass', userType: 'CLIENT', companyId: sb.demo?.companyId, isAdmin: false });
    const { client: clerk } = await signedInClient(sb, { email, password: 'clerk-pass' });
    await expect(clerk.listPersons(collectionId, { limit: 10, offset: 0 })).resolves.toMatchObject({
      items: expect.any(Array),
      total: onStrictProfile() ? null : expect.any(Number),
    });
    const attempts: readonly (() => Promise<unknown>)[] = [
      () => clerk.createCollection({ alias: 'nope', companyId: sb.demo?.companyId ?? '' }),
      () => clerk.deleteCollection(collectionId),
      () => clerk.createPerson(collectionId, { photos: [photo] }),
      () => clerk.addPersonImages(collectionId, personId, [photo]),
      () => clerk.deletePersonImage(collectionId, personId, imageId),
      () => clerk.deletePerson(collectionId, personId),
      () => clerk.deleteAnalysis(analysisId),
    ];
    for (const attempt of attempts) {
      const err = await apiError(attempt());
      expect([err.httpStatus, err.errorCode]).toEqual([403, 9]);
    }
  });

  it('hides another company’s collection as not existing', async () => {
    const other = sb.createCompany('Other Bank');
    const email = `other-${randomUUID()}@other.test`;
    sb.createUser({ email, password: 'other-pass', userType: 'CLIENT', companyId: other.companyId, isAdmin: true });
    const { client: outsider } = await signedInClient(sb, { email, password: 'other-pass' });
    expect((await apiError(outsider.getCollection(collectionId))).errorCode).toBe(10);
    expect((await apiError(outsider.createCollection({ alias: 'x', companyId: sb.demo?.companyId ?? '' }))).errorCode).toBe(9);
  });
});

describe('missing objects', () => {
  it('answers code 10 on every single-object route', async () => {
    const nobody = randomUUID();
    const attempts: readonly (() => Promise<unknown>)[] = [
      () => client.getCollection(nobody),
      () => client.deleteCollection(nobody),
      () => client.listPersons(nobody, { limit: 10, offset: 0 }),
      () => client.createPerson(nobody, { photos: [photo] }),
      () => client.getPerson(collectionId, nobody),
      () => client.deletePerson(collectionId, nobody),
      () => client.addPersonImages(collectionId, nobody, [photo]),
      () => client.listPersonImages(collectionId, nobody),
      () => client.deletePersonImage(collectionId, personId, nobody),
      () => client.getFolder(nobody),
      () => client.startCollectionAnalysis(nobody, collectionId),
      () => client.getAnalysis(nobody),
      () => client.deleteAnalysis(nobody),
      () => client.fetchImageBytes(`${sb.url}/static/persons/${nobody}.jpg`),
    ];
    for (const attempt of attempts) {
      const err = await apiError(attempt());
      expect([err.httpStatus, err.errorCode, err.isNotFound]).toEqual([404, 10, true]);
    }
  });
});

describe('bad requests', () => {
  const post = (f: FormData) => client.request({ method: 'POST', path: ozPaths.persons(collectionId), form: f });
  const tags = (field: string) => JSON.stringify({ 'media:tags': { [field]: ['photo_selfie'] } });

  it('refuses a payload that is not JSON with code 3', async () => {
    const err = await apiError(post(form([{ field: 'image0', bytes: photo.bytes }], '{"media:tags": ')));
    expect([err.httpStatus, err.errorCode]).toEqual([400, 3]);
  });

  it('refuses a tag key that names no file with code 4 and the field in details', async () => {
    const err = await apiError(post(form([{ field: 'image0', bytes: photo.bytes }], tags('image7'))));
    expect([err.httpStatus, err.errorCode, err.details]).toEqual([400, 4, { field: 'image7' }]);
  });

  it('refuses more than ten files with code 4', async () => {
    const photos = await Promise.all(Array.from({ length: 11 }, (_, i) => makePhoto(400 + i)));
    const err = await apiError(client.createPerson(collectionId, { photos }));
    expect([err.httpStatus, err.errorCode]).toEqual([400, 4]);
  });

  it('refuses a file over 10 MB with code 4', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1024);
    big.set(await makeJpeg(500));
    const err = await apiError(
      client.addPersonImages(collectionId, personId, [{ bytes: big, fileName: 'big.jpg', mimeType: 'image/jpeg', tags: ['photo_selfie'] }]),
    );
    expect([err.httpStatus, err.errorCode]).toEqual([413, 4]);
  });

  it('refuses a file that is not an image with code 5', async () => {
    const text = new TextEncoder().encode('not a photo at all');
    const err = await apiError(
      client.createPerson(collectionId, { photos: [{ bytes: text, fileName: 'a.jpg', mimeType: 'image/jpeg', tags: ['photo_selfie'] }] }),
    );
    expect([err.httpStatus, err.errorCode]).toEqual([400, 5]);
  });

  it('refuses invalid JSON bodies and values on the JSON routes', async () => {
    const noAlias = await apiError(
      client.request({ method: 'POST', path: ozPaths.collections(), json: { company_id: sb.demo?.companyId } }),
    );
    expect([noAlias.httpStatus, noAlias.errorCode]).toEqual([400, 3]);
    const emptyAlias = await apiError(client.createCollection({ alias: ' ', companyId: sb.demo?.companyId ?? '' }));
    expect([emptyAlias.httpStatus, emptyAlias.errorCode]).toEqual([400, 4]);
    // The demo user is a company admin: any other company_id is not theirs to use.
    const noCompany = await apiError(client.createCollection({ alias: 'x', companyId: randomUUID() }));
    expect([noCompany.httpStatus, noCompany.errorCode]).toEqual([403, 9]);
    const noCollection = await apiError(client.startCollectionAnalysis(folderId, randomUUID()));
    expect([noCollection.httpStatus, noCollection.errorCode]).toEqual([400, 4]);
    const unknownMedia = await apiError(client.startCollectionAnalysis(folderId, collectionId, [randomUUID()]));
    expect([unknownMedia.httpStatus, unknownMedia.errorCode]).toEqual([400, 4]);
  });

  it('refuses to delete a non-empty collection, keeping the server\'s status, code and details', async () => {
    const err = await apiError(client.deleteCollection(collectionId));
    expect([err.httpStatus, err.errorCode]).toEqual(refusedDeleteAnswer());
    if (onStrictProfile()) expect(err.details).toBeNull();
    else expect(err.details).toMatchObject({ persons: expect.any(Number) });
  });
});
