import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/core/app/create-app.js';
import { processPhoto } from '../../src/core/images/process-photo.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import type { OzClient } from '../../src/core/oz/index.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import type { AuditAction, AuditEntry } from '../../src/shared/domain/audit.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import type { Channel, ChannelInput, ChannelOutput, EventName } from '../../src/shared/ipc/contract.js';
import { makeTempDir, uniqueWideFace as uniqueFace } from '../fixtures/corpus.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

// Every operator action, driven through the handler table the UI reaches over IPC,
// against the real Oz sandbox: each must add exactly the entries it owes the log.

let sb: Sandbox;
let app: App;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let oz: OzClient;
const events: { event: EventName; payload: unknown }[] = [];
const consent = { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION };
const demo = () => sb.demo as NonNullable<Sandbox['demo']>;

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(app.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

/** The entries recorded while `run` ran, oldest first. */
async function recordedBy(run: () => Promise<unknown>): Promise<readonly AuditEntry[]> {
  const before = app.context.audit.query({ limit: 1 }).entries[0]?.seq ?? 0;
  await run();
  return app.context.audit.entries().filter((e) => e.seq > before);
}

const actions = (entries: readonly AuditEntry[]): AuditAction[] => entries.map((e) => e.action);
const face = async (seed: number): Promise<string> => (await (await uniqueFace(seed)).jpeg().toBuffer()).toString('base64');

async function waitFor<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  sb = await startDemoSandbox();
  oz = (await signedInClient(sb)).client;
  temp = await makeTempDir('enroll-desk-audit-');
  app = await createApp({
    dataDir: join(temp.dir, 'desk'),
    host: 'browser',
    secretStore: new InMemorySecretStore(),
    emit: (event, payload) => events.push({ event, payload }),
    version: 'test',
    platform: 'linux',
    localSandbox: null,
    restoreSession: false,
  });
});

afterAll(async () => {
  await app.dispose();
  await sb.close();
  await temp.cleanup();
});

describe('audit entries per operator action', () => {
  it('a refused sign-in: one failed entry under the account tried', async () => {
    const entries = await recordedBy(() =>
      dispatch(app.handlers, 'session:signIn', { serverUrl: sb.url, email: demo().email, password: 'wrong-password', remember: false }),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'signIn', outcome: 'failed', operator: demo().email, errorCode: expect.stringMatching(/^OZ_API/) });
  });

  it('sign-in: one entry naming the operator', async () => {
    const entries = await recordedBy(() => call('session:signIn', { serverUrl: sb.url, email: demo().email, password: demo().password, remember: false }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'signIn', outcome: 'done', operator: demo().email, desk: app.context.settings.get().deskName });
  });

  let collectionId = '';
  it('collection created: one entry with the new id', async () => {
    const entries = await recordedBy(async () => {
      collectionId = (await call('collections:create', { alias: 'audit-watchlist', company: { companyId: demo().companyId, name: demo().companyName } })).collectionId;
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'collectionCreated', outcome: 'done', collectionId });
  });

  let personId = '';
  it('person created from the form: the consent, then one entry with ids and the photo count, no name', async () => {
    const entries = await recordedBy(async () => {
      await call('enroll:enrollPerson', {
        collectionId,
        name: { first: 'Augusta', middle: '', last: 'Quillfeather' },
        source: 'form',
        photos: [{ dataBase64: await face(11), fileName: 'a.jpg', tags: ['photo_selfie'] }],
        consent,
      });
    });
    expect(entries.map((e) => e.action)).toEqual(['consentConfirmed', 'personCreated']);
    expect(entries[1]).toMatchObject({ outcome: 'queued', collectionId, counts: { photos: 1 } });
    await waitFor(() => (app.context.queue.status().pending === 0 ? true : undefined));
    personId = app.context.queue.list({ limit: 1, offset: 0 })[0]?.personId ?? '';
    expect(personId).not.toBe('');
    expect(JSON.stringify(app.context.audit.entries())).not.toMatch(/Augusta|Quillfeather/);
  });

  it('photo added: one entry', async () => {
    const entries = await recordedBy(async () =>
      call('photos:add', { collectionId, personId, photos: [{ fileName: 'b.jpg', base64: await face(12), tags: ['photo_selfie'] }] }),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'photoAdded', outcome: 'done', collectionId, personId, counts: { photos: 1 } });
  });

  it('photo deleted: one entry naming the photo', async () => {
    const detail = await call('persons:get', { collectionId, personId });
    const photoId = detail.photos.at(-1)?.personImageId ?? '';
    const entries = await recordedBy(() => call('photos:delete', { collectionId, personId, personImageId: photoId }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'photoDeleted', outcome: 'done', personId, photoId });
  });

  it('person deleted with a blocking analysis: one entry per analysis, one for the person; a blocked attempt none', async () => {
    // The probe is the very photo the server stored, so the COLLECTION analysis matches the person.
    const [image] = await oz.listPersonImages(collectionId, personId);
    const { bytes } = await oz.fetchImageBytes(image?.originalUrl ?? '');
    const folder = await oz.createFolder({ photos: [{ bytes, fileName: 'probe.jpg', mimeType: 'image/jpeg', tags: ['photo_selfie'] }] });
    const [analysis] = await oz.startCollectionAnalysis(folder.folderId, collectionId);
    const blocked = await recordedBy(() => call('persons:delete', { collectionId, personId, confirmDeleteAnalyses: false }));
    expect(blocked).toHaveLength(0);
    const entries = await recordedBy(() => call('persons:delete', { collectionId, personId, confirmDeleteAnalyses: true }));
    expect(actions(entries)).toEqual(['analysisDeleted', 'personDeleted']);
    expect(entries[0]).toMatchObject({ analysisId: analysis?.analysisId, personId });
    expect(entries[1]).toMatchObject({ outcome: 'done', personId, counts: { analyses: 1 } });
  });

  /** Enrollments go to the offline queue first; wait until the sync worker has sent them. */
  const drained = () => waitFor(() => (app.context.queue.status().pending === 0 ? true : undefined));

  it('single enrollment: the consent, then the person (queued)', async () => {
    const entries = await recordedBy(async () =>
      call('enroll:enrollPerson', {
        collectionId,
        name: { first: 'Bartholomew', middle: '', last: 'Ingleby' },
        source: 'form',
        photos: [{ dataBase64: await face(13), fileName: 'c.jpg', tags: ['photo_selfie'] }],
        consent,
      }),
    );
    expect(actions(entries)).toEqual(['consentConfirmed', 'personCreated']);
    expect(entries[1]).toMatchObject({ outcome: 'queued', collectionId, enrollmentId: expect.any(String), queueItemId: expect.any(String) });
    await drained();
  });

  it('import confirmed: the consent, each person, then the import with counts', async () => {
    const folder = join(temp.dir, 'batch');
    await mkdir(join(folder, 'Cordelia Vantwest'), { recursive: true });
    await mkdir(join(folder, 'Desmond Oyelaran'), { recursive: true });
    await writeFile(join(folder, 'Cordelia Vantwest', '1.jpg'), Buffer.from(await face(14), 'base64'));
    await writeFile(join(folder, 'Desmond Oyelaran', '1.jpg'), Buffer.from(await face(15), 'base64'));
    const { scanId } = await call('enroll:scanFolder', { path: folder, collectionId });
    await waitFor(() => events.find((e) => e.event === 'import:finished' && (e.payload as { scanId: string }).scanId === scanId));
    const entries = await recordedBy(() => call('enroll:confirmImport', { scanId, excluded: [], tagOverrides: {}, consent }));
    expect(actions(entries)).toEqual(['consentConfirmed', 'personCreated', 'personCreated', 'importConfirmed']);
    expect(entries[3]).toMatchObject({ outcome: 'queued', collectionId, counts: { enrolled: 0, queued: 2, failed: 0 } });
    expect(JSON.stringify(entries)).not.toMatch(/Cordelia|Desmond/);
    await drained();
  });

  it('collection deleted: one entry when the background job finishes', async () => {
    const entries = await recordedBy(async () => {
      await call('collections:delete', { collectionId, confirmAlias: 'audit-watchlist' });
      await waitFor(() => app.context.audit.query({ action: 'collectionDeleted' }).entries[0]);
      // Later progress reports of the same finished job must not add entries.
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(actions(entries)).toEqual(['collectionDeleted']);
    expect(entries[0]).toMatchObject({ outcome: 'done', collectionId, counts: { persons: 3 } });
  });

  it('queue item retried and discarded: one entry each', async () => {
    const jpeg = Buffer.from(await face(16), 'base64');
    const processed = await processPhoto({ bytes: jpeg });
    if (!processed.ok) throw new Error('fixture refused');
    // A collection the server does not have: the item cannot be sent and waits for the operator.
    const { itemId } = await app.context.queue.enqueueCreatePerson({ collectionId: 'no-such-collection', metaData: {} }, [
      { jpeg: processed.jpeg, sha256: processed.sha256, tags: ['photo_selfie'], fileName: 'q.jpg' },
    ]);
    const stuck = () => app.context.queue.list({ limit: 100, offset: 0 }).find((i) => i.id === itemId && (i.state === 'quarantined' || i.state === 'retry_wait'));
    await waitFor(stuck);
    const retried = await recordedBy(() => call('queue:retry', { itemId }));
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ action: 'queueItemRetried', queueItemId: itemId, outcome: 'done' });
    await waitFor(stuck);
    const discarded = await recordedBy(() => call('queue:discard', { itemId }));
    expect(discarded).toHaveLength(1);
    expect(discarded[0]).toMatchObject({ action: 'queueItemDiscarded', queueItemId: itemId, outcome: 'done' });
  });

  it('sign-out: one entry naming who signed out; the whole log verifies', async () => {
    const entries = await recordedBy(() => call('session:signOut', { forgetPassword: false }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'signOut', operator: demo().email });
    expect(await call('audit:verify', undefined)).toEqual({ ok: true, entries: app.context.audit.entries().length });
  });
});
