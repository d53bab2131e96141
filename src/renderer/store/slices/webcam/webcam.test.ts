import { describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectWebcamBlocker } from './selectors.js';

function setup() {
  let n = 0;
  const ipc = new FakeIpcClient({
    'enroll:processCapture': ({ dataBase64 }) =>
      ok(
        dataBase64 === 'bad'
          ? { ok: false as const, reason: 'too_small' as const, message: 'The photo is only 320×240 px.' }
          : { ok: true as const, captureId: `cap-${++n}`, thumbnail: 'data:image/jpeg;base64,AA', width: 640, height: 800, sha256: 'f'.repeat(64), suggestedTags: ['photo_selfie', 'orientation_portrait'] as const, notes: [], quality: null },
      ),
    'enroll:enrollPerson': (input) =>
      ok({ key: 'e1', name: { first: input.name.first, middle: '', last: input.name.last }, status: 'enrolled' as const, enrollmentId: 'e1', personId: 'p1', itemId: null, photos: [], message: null }),
  });
  const store = createAppStore(ipc);
  store.setState({ consentTerms: { version: '2026-01', text: 'Agreed.' }, enrollCollectionId: 'col-1' });
  return { ipc, store };
}

describe('webcam slice', () => {
  it('keeps accepted captures, shows a refusal, and edits tags with one orientation only', async () => {
    const { store } = setup();
    expect(await store.getState().captureFrame('bad', false)).toBe(false);
    expect(store.getState().captureRefusal).toContain('320×240');
    expect(await store.getState().captureFrame('good', true)).toBe(true);
    const id = store.getState().captures[0]?.captureId ?? '';
    store.getState().toggleCaptureTag(id, 'orientation_landscape');
    expect(store.getState().captures[0]?.tags).toEqual(['photo_selfie', 'orientation_landscape']);
    store.getState().toggleCaptureTag(id, 'photo_selfie');
    expect(store.getState().captures[0]?.tags).toEqual(['orientation_landscape']);
  });

  it('says what is missing, then enrolls with the consent version and clears the form', async () => {
    const { ipc, store } = setup();
    expect(selectWebcamBlocker(store.getState())).toBe('Enter the person’s name.');
    store.getState().setWebcamName({ first: 'Wera', last: 'Cam' });
    expect(selectWebcamBlocker(store.getState())).toBe('Capture at least one photo.');
    await store.getState().captureFrame('good', false);
    expect(selectWebcamBlocker(store.getState())).toBe('Confirm the person’s consent.');
    store.getState().setWebcamConsent(true);
    expect(selectWebcamBlocker(store.getState())).toBeNull();
    await store.getState().enrollWebcamPerson();
    expect(ipc.calls.at(-1)?.input).toMatchObject({
      collectionId: 'col-1',
      source: 'webcam',
      photos: [{ captureId: 'cap-1', tags: ['photo_selfie', 'orientation_portrait'] }],
      consent: { confirmed: true, textVersion: '2026-01' },
    });
    expect(store.getState()).toMatchObject({ webcamResult: { personId: 'p1' }, captures: [], webcamConsent: false, webcamName: { first: '' } });
  });
});
