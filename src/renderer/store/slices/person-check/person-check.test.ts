import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonDuplicateCheck } from '../../../../shared/domain/duplicates.js';
import { ok } from '../../../../shared/result.js';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectWebcamBlocker } from '../webcam/selectors.js';
import { PRESS_WAITS_FOR_CHECK_MS } from './review-before-enroll.js';

const ann = { personId: 'p-ann', name: { first: 'Ann', middle: '', last: 'Original' }, score: 0.97, via: 'collection_analysis' as const, fileName: 'photo 1' };
type Verdict = 'clean' | 'flagged' | 'offline';

function checkOf(verdict: Verdict, n: number): PersonDuplicateCheck {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const summary = { state: verdict === 'offline' ? ('offline' as const) : ('done' as const), checked: verdict === 'offline' ? 0 : 1, failed: 0, cleanupPending: 0, message: null };
  return { checkId: id, summary, candidates: verdict === 'flagged' ? [ann] : [], samePhotos: [] };
}

/** A webcam desk whose checks answer the given verdicts in turn. */
function desk(verdicts: readonly Verdict[], answered: Promise<void> = Promise.resolve()) {
  let checks = 0;
  let n = 0;
  const ipc = new FakeIpcClient({
    'enroll:checkPerson': async () => {
      const verdict = verdicts[checks++ % verdicts.length] ?? 'clean';
      const id = checks;
      await answered;
      return ok(checkOf(verdict, id));
    },
    'enroll:processCapture': () =>
      ok({ ok: true as const, captureId: `cap-${++n}`, thumbnail: 'data:image/jpeg;base64,AA', width: 640, height: 800, sha256: 'f'.repeat(64), suggestedTags: ['photo_selfie'] as const, notes: [], quality: null }),
    'enroll:enrollPerson': (input) => ok({ key: 'e', name: input.name, status: input.duplicate?.choice.action === 'skip' ? ('skipped' as const) : ('enrolled' as const), enrollmentId: 'e', personId: 'p', itemId: null, photos: [], message: null }),
  });
  const store = createAppStore(ipc);
  store.setState({ consentTerms: { version: 'v', text: 'Agreed.' }, enrollCollectionId: 'col-1', webcamConsent: true, webcamName: { first: 'Bob', middle: '', last: 'Other' } });
  return { ipc, store };
}

const enrollCalls = (ipc: FakeIpcClient) => ipc.calls.filter((c) => c.channel === 'enroll:enrollPerson').map((c) => c.input as { duplicate?: { checkId: string; choice: { action: string } } });

describe('person-check slice (webcam and form before "Enroll")', () => {
  it('a check Oz has not answered holds the press for PRESS_WAITS_FOR_CHECK_MS at most: enrolled, the check said not done, its late flag dropped', async () => {
    let answer: () => void = () => undefined;
    const { ipc, store } = desk(['flagged'], new Promise<void>((resolve) => (answer = resolve)));
    await store.getState().captureFrame('AA', false);
    const pressed = performance.now();
    await store.getState().enrollWebcamPerson();
    expect(performance.now() - pressed).toBeLessThan(PRESS_WAITS_FOR_CHECK_MS + 150);
    expect(enrollCalls(ipc)).toEqual([expect.not.objectContaining({ duplicate: expect.anything() })]);
    const note = store.getState().personChecks.webcam;
    expect(note?.status === 'checked' && note.check.summary.state).toBe('offline');
    answer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = store.getState().personChecks.webcam;
    expect(after?.status === 'checked' && after.check.candidates).toEqual([]);
  });

  it('a clean check enrolls in the same press; a flagged one waits for a choice and enrolls with it on the next press', async () => {
    const { ipc, store } = desk(['clean', 'flagged']);
    await store.getState().captureFrame('AA', false);
    await store.getState().enrollWebcamPerson();
    expect(enrollCalls(ipc)).toEqual([expect.not.objectContaining({ duplicate: expect.anything() })]);

    // The next person (an enrollment clears the form).
    store.setState({ webcamConsent: true, webcamName: { first: 'Bob', middle: '', last: 'Other' } });
    await store.getState().captureFrame('AA', false);
    await store.getState().enrollWebcamPerson();
    expect(enrollCalls(ipc)).toHaveLength(1);
    expect(selectWebcamBlocker(store.getState())).toBe('Choose what to do with the possible duplicate.');
    store.getState().choosePersonDuplicate('webcam', { action: 'new', note: 'x' });
    expect(selectWebcamBlocker(store.getState())).toBe('Say briefly why this is a new person (no names).');
    store.getState().choosePersonDuplicate('webcam', { action: 'add', personId: 'p-ann' });
    expect(selectWebcamBlocker(store.getState())).toBeNull();
    await store.getState().enrollWebcamPerson();
    expect(enrollCalls(ipc)[1]?.duplicate).toEqual({ checkId: checkOf('flagged', 2).checkId, choice: { action: 'add', personId: 'p-ann' } });
    expect(store.getState().personChecks.webcam).toBeUndefined();
  });

  it('offline, the press enrolls (offline-first) and the verdict stays to say the 1:N check was not done', async () => {
    const { ipc, store } = desk(['offline']);
    await store.getState().captureFrame('AA', false);
    await store.getState().enrollWebcamPerson();
    expect(enrollCalls(ipc)).toHaveLength(1);
    expect(store.getState().personChecks.webcam).toMatchObject({ status: 'checked', spent: true, check: { summary: { state: 'offline' } } });
    // The next person is checked afresh, never enrolled under the last one's verdict.
    store.setState({ webcamConsent: true, webcamName: { first: 'Cy', middle: '', last: 'Next' } });
    await store.getState().captureFrame('AA', false);
    await store.getState().enrollWebcamPerson();
    expect(ipc.calls.filter((c) => c.channel === 'enroll:checkPerson')).toHaveLength(2);
  });

  it('a press while the check started on completion is running awaits it: one check; clean enrolls in that press, flagged stops there to be seen', async () => {
    for (const [verdict, enrolled] of [
      ['clean', 1],
      ['flagged', 0],
    ] as const) {
      let answer = (): void => undefined;
      const { ipc, store } = desk([verdict], new Promise<void>((resolve) => (answer = resolve)));
      await store.getState().captureFrame('AA', false);
      store.getState().preCheckPerson('webcam', { collectionId: 'col-1', name: store.getState().webcamName, photos: [{ captureId: 'cap-1' }] });
      const pressed = store.getState().enrollWebcamPerson();
      answer();
      await pressed;
      expect(ipc.calls.filter((c) => c.channel === 'enroll:checkPerson')).toHaveLength(1);
      expect(enrollCalls(ipc)).toHaveLength(enrolled);
    }
  });

  it('an answer to an older check never lands on the newer one', async () => {
    let answerFirst = (): void => undefined;
    const { store } = desk(['flagged', 'clean'], new Promise<void>((resolve) => (answerFirst = resolve)));
    const input = { collectionId: 'col-1', name: store.getState().webcamName, photos: [{ captureId: 'cap-1' }] };
    const first = store.getState().checkPersonDuplicates('webcam', input);
    const second = store.getState().checkPersonDuplicates('webcam', input);
    answerFirst();
    expect(await first).toBeNull();
    expect(await second).toMatchObject({ candidates: [] });
    expect(store.getState().personChecks.webcam).toMatchObject({ status: 'checked', check: { candidates: [] } });
  });

  it('property: any sequence of presses, choices and edits never enrolls a flagged person without a choice, and sends only the latest check', async () => {
    type Op = { kind: 'press' } | { kind: 'precheck' } | { kind: 'choose'; action: 'add' | 'skip' | 'new' } | { kind: 'rename' } | { kind: 'capture' };
    const op = fc.oneof(
      fc.constant<Op>({ kind: 'press' }),
      fc.constant<Op>({ kind: 'precheck' }),
      fc.constantFrom('add', 'skip', 'new').map((action): Op => ({ kind: 'choose', action: action as 'add' | 'skip' | 'new' })),
      fc.constant<Op>({ kind: 'rename' }),
      fc.constant<Op>({ kind: 'capture' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Verdict>('clean', 'flagged', 'offline'), { minLength: 1, maxLength: 4 }), fc.array(op, { maxLength: 14 }), async (verdicts, ops) => {
        const { ipc, store } = desk(verdicts);
        await store.getState().captureFrame('AA', false);
        for (const o of ops) {
          const before = store.getState().personChecks.webcam;
          const sent = enrollCalls(ipc).length;
          if (o.kind === 'press') await store.getState().enrollWebcamPerson();
          // As the screen does once the person is complete: not awaited, a press may come while it runs.
          else if (o.kind === 'precheck') store.getState().preCheckPerson('webcam', { collectionId: 'col-1', name: store.getState().webcamName, photos: store.getState().captures.map((c) => ({ captureId: c.captureId })) });
          else if (o.kind === 'choose') store.getState().choosePersonDuplicate('webcam', o.action === 'add' ? { action: 'add', personId: 'p-ann' } : o.action === 'new' ? { action: 'new', note: 'twins, ID checked' } : { action: 'skip' });
          else if (o.kind === 'rename') store.getState().setWebcamName({ first: `Bob${sent}` });
          else await store.getState().captureFrame('AA', false);
          const call = enrollCalls(ipc)[sent];
          if (call === undefined) continue;
          // Enrolled on this press: under a verdict already shown, or a clean one just made.
          if (before?.status === 'checked') {
            expect(before.check.candidates.length === 0 || before.choice !== undefined).toBe(true);
            expect(call.duplicate?.checkId).toBe(before.check.candidates.length > 0 ? before.check.checkId : undefined);
          } else {
            expect(call.duplicate).toBeUndefined();
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
