import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/core/app/create-app.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import { makeTempDir, uniqueWideFace } from '../fixtures/corpus.js';
import { call, consent, drained, enrollOriginal, startDesk } from '../helpers/desk-app.js';
import { rawOz, type RawOz } from '../helpers/raw-oz.js';
import { startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

// The form and webcam paths' 1:N check before "Enroll" (`enroll:checkPerson`), through the
// handler table the UI calls, against the sandbox over real HTTP on each profile. Enrollment
// itself still goes through the queue.

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let seed = 9700;

beforeAll(async () => {
  temp = await makeTempDir('enroll-desk-person-dup-');
});
afterAll(async () => {
  await temp.cleanup();
});

const bob = { first: 'Bob', middle: '', last: 'Other' };
const photoOf = async (): Promise<Buffer> => (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
const reencoded = (photo: Buffer): Promise<Buffer> => sharp(photo).jpeg({ quality: 71 }).toBuffer();
const formPhoto = (bytes: Buffer) => ({ dataBase64: bytes.toString('base64'), fileName: 'bob.jpg' });

const profiles = [
  { name: 'default profile', options: {} },
  { name: 'strict profile (PROCESSING first, no folder deletion)', options: { profile: 'strict' } },
] as const;

describe.each(profiles)('form and webcam 1:N check — $name', ({ options }) => {
  let sb: Sandbox;
  let oz: RawOz;
  let app: App;
  beforeAll(async () => {
    sb = await startDemoSandbox(options);
    oz = await rawOz(sb);
    app = await startDesk(sb, join(temp.dir, `desk-${seed++}`));
  });
  afterAll(async () => {
    await app.dispose();
    await sb.close();
  });

  it('the form: a re-encoded photo under another name is a possible duplicate; no choice is refused; "Add to that person" adds it', async () => {
    const photo = await photoOf();
    const annId = await enrollOriginal(app, oz, photo);
    const bytes = await reencoded(photo);
    const check = await call(app, 'enroll:checkPerson', { collectionId: oz.demo.collectionId, name: bob, photos: [formPhoto(bytes)] });
    expect(check.summary).toMatchObject({ state: 'done', checked: 1, failed: 0, cleanupPending: 0 });
    expect(check.candidates).toEqual([{ personId: annId, name: { first: 'Ann', middle: '', last: 'Original' }, score: expect.any(Number), via: 'collection_analysis', fileName: 'photo 1' }]);
    expect(check.samePhotos).toEqual([]);
    expect(await oz.analysesReferencing(annId)).toEqual([]);
    expect(app.context.audit.entries().filter((e) => e.action === 'duplicateChecked').at(-1)).toMatchObject({ outcome: 'done', personId: annId, analysisId: expect.any(String) });

    const request = { collectionId: oz.demo.collectionId, name: bob, source: 'form' as const, photos: [{ ...formPhoto(bytes), tags: ['photo_selfie' as const] }], consent };
    const undecided = await dispatch(app.handlers, 'enroll:enrollPerson', request);
    expect(undecided).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`possible duplicate of Ann Original (id ${annId}`) } });
    const added = await call(app, 'enroll:enrollPerson', { ...request, duplicate: { checkId: check.checkId, choice: { action: 'add', personId: annId } } });
    expect(added.status).not.toBe('skipped');
    await drained(app);
    expect(await oz.imageCount(annId)).toBe(2);
    expect((await oz.persons()).length).toBe(1);
    expect(await oz.deletePerson(annId)).toBe(204);
  });

  it('the webcam: a flagged capture enrolled as a new person records the note; "Skip" enrolls nobody', async () => {
    const photo = await photoOf();
    const annId = await enrollOriginal(app, oz, photo);
    const capture = await call(app, 'enroll:processCapture', { dataBase64: (await reencoded(photo)).toString('base64'), mirrored: false });
    if (!capture.ok) throw new Error(capture.message);
    const photos = [{ captureId: capture.captureId }];
    const skipCheck = await call(app, 'enroll:checkPerson', { collectionId: oz.demo.collectionId, name: bob, photos });
    expect(skipCheck.candidates[0]?.personId).toBe(annId);
    const request = { collectionId: oz.demo.collectionId, name: bob, source: 'webcam' as const, photos: [{ captureId: capture.captureId, tags: ['photo_selfie' as const] }], consent };
    const skipped = await call(app, 'enroll:enrollPerson', { ...request, duplicate: { checkId: skipCheck.checkId, choice: { action: 'skip' } } });
    expect(skipped).toMatchObject({ status: 'skipped', message: expect.stringContaining('Skipped: possible duplicate of Ann Original') });
    expect((await oz.persons()).length).toBe(1);

    const check = await call(app, 'enroll:checkPerson', { collectionId: oz.demo.collectionId, name: bob, photos });
    const asNew = await call(app, 'enroll:enrollPerson', { ...request, duplicate: { checkId: check.checkId, choice: { action: 'new', note: 'twin brother, ID card checked' } } });
    expect(asNew.status).not.toBe('skipped');
    await drained(app);
    expect((await oz.persons()).map((p) => p.meta_data?.person_info?.last_name).sort()).toEqual(['Original', 'Other']);
    expect(app.context.audit.entries().filter((e) => e.action === 'duplicateOverridden').at(-1)).toMatchObject({ personId: annId, note: 'twin brother, ID card checked' });
    await oz.deleteAllPersons();
  });

  it('a photo of nobody enrolled passes with no candidate and enrolls without a choice', async () => {
    const bytes = await photoOf();
    const check = await call(app, 'enroll:checkPerson', { collectionId: oz.demo.collectionId, name: bob, photos: [formPhoto(bytes)] });
    expect(check).toMatchObject({ summary: { state: 'done', checked: 1 }, candidates: [], samePhotos: [] });
    await call(app, 'enroll:enrollPerson', { collectionId: oz.demo.collectionId, name: bob, source: 'form', photos: [{ ...formPhoto(bytes), tags: ['photo_selfie'] }], consent });
    await drained(app);
    expect((await oz.persons()).length).toBe(1);
    await oz.deleteAllPersons();
  });

  it('with the setting off, asks Oz nothing and says so', async () => {
    const photo = await photoOf();
    const annId = await enrollOriginal(app, oz, photo);
    await call(app, 'settings:set', { duplicateCheck: false });
    const folders = await oz.folderCount();
    const check = await call(app, 'enroll:checkPerson', { collectionId: oz.demo.collectionId, name: bob, photos: [formPhoto(await reencoded(photo))] });
    await call(app, 'settings:set', { duplicateCheck: true });
    expect(check).toMatchObject({ summary: { state: 'off', checked: 0 }, candidates: [] });
    expect(await oz.folderCount()).toBe(folders);
    expect(await oz.deletePerson(annId)).toBe(204);
  });
});

describe.each(['default', 'strict'] as const)('form 1:N check offline (%s profile)', (profile) => {
  it('says the 1:N check was not done, flags the photo this desk enrolled by hash and a person of the same name', async () => {
    const sb = await startDemoSandbox({ profile });
    const oz = await rawOz(sb);
    const app = await startDesk(sb, join(temp.dir, `desk-offline-${seed++}`));
    try {
      const photo = await photoOf();
      const annId = await enrollOriginal(app, oz, photo);
      await call(app, 'persons:list', { collectionId: oz.demo.collectionId, offset: 0, limit: 50 });
      await sb.close();
      const check = await call(app, 'enroll:checkPerson', {
        collectionId: oz.demo.collectionId,
        name: { first: 'ann', middle: '', last: 'ORIGINAL' },
        photos: [formPhoto(photo), formPhoto(await reencoded(photo))],
      });
      expect(check.summary).toMatchObject({ state: 'offline', checked: 0, message: expect.stringContaining('1:N duplicate check was not done') });
      expect(check.samePhotos).toEqual([{ photo: 1, reason: 'already_enrolled', personId: annId }]);
      expect(check.candidates).toEqual([expect.objectContaining({ personId: annId, via: 'name_index', score: null })]);
    } finally {
      await app.dispose();
      await sb.close();
    }
  });
});
