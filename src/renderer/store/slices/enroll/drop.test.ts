import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DROP_BATCH_BASE64_CHARS } from '../../../../shared/domain/dropped-files.js';
import { ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { batchesOf, type Drop, type DroppedItem } from './send-drop.js';

const scanId = '0b5a4f0e-8d1c-4b7e-9a51-0c6f3f1d2e11';
const staged = { folder: '/data/dropped/x', manifestPath: null, files: 2 };

function setup() {
  const ipc = new FakeIpcClient({
    'enroll:consentTerms': () => ok({ version: '1', text: 'Agreed.' }),
    'enroll:collections': () => ok([{ collectionId: 'col-1', alias: 'watchlist' }]),
    'enroll:dropPaths': ({ paths }) => ok({ folder: paths[0] ?? '', manifestPath: null, files: 0 }),
    'enroll:dropFiles': ({ files, last }) => ok({ staged: files.length, drop: last ? staged : null }),
    'enroll:scanFolder': () => ok({ scanId }),
    'enroll:scanResult': () => ok({ scanId, collectionId: 'col-1', state: 'running' as const, report: null, error: null }),
  });
  return { ipc, store: createAppStore(ipc) };
}

const item = (name: string, text = 'photo'): DroppedItem => ({ file: new File([text], name), relativePath: name });
const dropOf = (items: readonly DroppedItem[]): Drop => ({ top: items.map((i) => i.file), items: () => Promise.resolve(items) });

describe('a drop on the Enroll screen', () => {
  it('in the desktop app sends the dropped paths, then scans the folder main answers with', async () => {
    const { ipc, store } = setup();
    ipc.pathOfDropped = (file) => `/home/desk/${file.name}`;
    await store.getState().loadEnrollSetup();
    await store.getState().dropOnEnroll(dropOf([item('enrollments')]));
    expect(ipc.calls.filter((c) => c.channel.startsWith('enroll:drop'))).toEqual([{ channel: 'enroll:dropPaths', input: { paths: ['/home/desk/enrollments'] } }]);
    expect(ipc.calls.find((c) => c.channel === 'enroll:scanFolder')?.input).toEqual({ path: '/home/desk/enrollments', collectionId: 'col-1' });
    expect(store.getState()).toMatchObject({ scanPhase: 'scanning', folderPath: '/home/desk/enrollments', dropped: null, dropProgress: null });
  });

  it('in browser mode sends the bytes as base64 in one drop, the last batch marked, then scans the staged folder', async () => {
    const { ipc, store } = setup();
    await store.getState().loadEnrollSetup();
    await store.getState().dropOnEnroll(dropOf([item('Ada Lovelace.jpg', 'ada'), item('Alan Turing.jpg', 'alan')]));
    const sent = ipc.calls.filter((c) => c.channel === 'enroll:dropFiles').map((c) => c.input as { dropId: string; files: { relativePath: string; dataBase64: string }[]; last: boolean });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.last).toBe(true);
    expect(sent[0]?.files).toEqual([
      { relativePath: 'Ada Lovelace.jpg', dataBase64: Buffer.from('ada').toString('base64') },
      { relativePath: 'Alan Turing.jpg', dataBase64: Buffer.from('alan').toString('base64') },
    ]);
    expect(ipc.calls.find((c) => c.channel === 'enroll:scanFolder')?.input).toEqual({ path: staged.folder, collectionId: 'col-1' });
    // The staged copy is scanned, but the path field keeps what the operator typed (nothing here).
    expect(store.getState()).toMatchObject({ dropped: staged, folderPath: '' });
    // Typing a path of one's own ends the drop: the next scan reads that path.
    store.getState().setFolderPath('/srv/persons');
    await store.getState().startScan();
    expect(ipc.calls.filter((c) => c.channel === 'enroll:scanFolder').at(-1)?.input).toEqual({ path: '/srv/persons', collectionId: 'col-1' });
  });

  it('refuses a drop before a collection is chosen, in words, sending nothing', async () => {
    const { ipc, store } = setup();
    await store.getState().dropOnEnroll(dropOf([item('a.jpg')]));
    expect(ipc.calls.some((c) => c.channel.startsWith('enroll:drop'))).toBe(false);
    expect(store.getState()).toMatchObject({ scanPhase: 'failed', enrollError: { code: 'BAD_INPUT' } });
  });

  it('shows a file the browser cannot read as one clear error, not a crash', async () => {
    const { store } = setup();
    await store.getState().loadEnrollSetup();
    await store.getState().dropOnEnroll({ top: [], items: () => Promise.reject(new Error('NotFoundError')) });
    expect(store.getState()).toMatchObject({ scanPhase: 'failed', dropProgress: null, enrollError: { code: 'BAD_INPUT', message: expect.stringMatching(/could not be read/) } });
  });
});

describe('batches of dropped bytes', () => {
  it('keep every file once, in order, and stay under the message budget unless one file alone is larger', () => {
    const base64 = (size: number) => Math.ceil(size / 3) * 4;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MAX_DROP_BATCH_BASE64_CHARS }), { maxLength: 30 }), (sizes) => {
        const items = sizes.map((size, i) => ({ file: { size } as File, relativePath: `f${i}` }));
        const batches = batchesOf(items);
        expect(batches.flat().map((b) => b.relativePath)).toEqual(items.map((i) => i.relativePath));
        for (const batch of batches) {
          const total = batch.reduce((sum, b) => sum + base64(b.file.size), 0);
          expect(batch.length === 1 || total <= MAX_DROP_BATCH_BASE64_CHARS).toBe(true);
        }
      }),
    );
  });
});
