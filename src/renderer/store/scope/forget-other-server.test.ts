import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../shared/domain/session.js';
import { FakeIpcClient } from '../../ipc/fake-ipc-client.js';
import { createAppStore } from '../index.js';

const signedIn = (serverUrl: string, email = 'op@bank'): SessionStatus => ({ state: 'signedIn', serverUrl, email, isLocalSandbox: false, remembered: false });
const signedOut: SessionStatus = { state: 'signedOut', rememberedEmail: null, serverUrl: null };

/** Selections an operator makes while signed in to one server. */
function choose(store: ReturnType<typeof createAppStore>, tag: string): void {
  store.setState({
    enrollCollectionId: `col-${tag}`,
    enrollCollections: [{ collectionId: `col-${tag}`, alias: tag }],
    collectionsView: { kind: 'persons', collectionId: `col-${tag}` },
    deletionJobs: { [`job-${tag}`]: { jobId: `job-${tag}`, collectionId: `col-${tag}`, alias: tag, phase: 'listing', total: 0, done: 0, deletedAnalyses: 0, lastError: null, createdAt: 1, updatedAt: 1 } as never },
    folderPath: '/persons',
  });
}

describe('selections follow the sign-in', () => {
  it('signing in to another server clears Enroll, Collections and deletion cards; the same server keeps them', () => {
    const ipc = new FakeIpcClient({});
    const store = createAppStore(ipc);
    ipc.emit('session:changed', signedIn('https://a.example'));
    choose(store, 'a');
    ipc.emit('session:changed', signedOut);
    ipc.emit('session:changed', signedIn('https://A.example/'));
    expect(store.getState()).toMatchObject({ enrollCollectionId: 'col-a', collectionsView: { kind: 'persons' } });

    ipc.emit('session:changed', signedOut);
    ipc.emit('session:changed', signedIn('https://b.example'));
    expect(store.getState()).toMatchObject({ enrollCollectionId: '', enrollCollections: null, collectionsView: { kind: 'list' }, deletionJobs: {}, folderPath: '/persons' });
    choose(store, 'b');
    // Another account on the same server is another scope too.
    ipc.emit('session:changed', signedIn('https://b.example', 'other@bank'));
    expect(store.getState().enrollCollectionId).toBe('');
  });

  it('after any sequence of sign-ins, a selection is only ever one made under the scope signed in now', () => {
    const servers = ['https://a.example', 'https://b.example'] as const;
    const step = fc.oneof(
      fc.record({ kind: fc.constant('signIn' as const), server: fc.constantFrom(...servers), email: fc.constantFrom('op@bank', 'two@bank') }),
      fc.constant({ kind: 'signOut' as const }),
      fc.constant({ kind: 'choose' as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const ipc = new FakeIpcClient({});
        const store = createAppStore(ipc);
        let current: string | null = null;
        for (const s of steps) {
          if (s.kind === 'signIn') {
            current = `${s.email} ${s.server}`;
            ipc.emit('session:changed', signedIn(s.server, s.email));
          } else if (s.kind === 'signOut') {
            ipc.emit('session:changed', signedOut);
          } else if (current !== null) {
            choose(store, current);
          }
          const chosen = store.getState().enrollCollectionId;
          if (chosen !== '' && current !== null) expect(chosen).toBe(`col-${current}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
