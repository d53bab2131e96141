import type { EventSink } from '../ipc/handler-table.js';
import type { SyncStatus, SyncWorker } from '../queue/index.js';
import type { SessionService } from '../session/session-service.js';

/** At most one `queue:changed` per this interval while items stream through (the last one always goes out). */
const EMIT_INTERVAL_MS = 200;

/**
 * The worker follows the session: it sends while someone is signed in, lifts an auth pause
 * on a fresh sign-in and stops on sign-out. Status changes reach the renderer coalesced.
 */
export function followSession(session: SessionService, sync: SyncWorker, emit: EventSink): { dispose(): Promise<void> } {
  const follow = (): void => {
    if (session.status().state === 'signedIn') {
      sync.resume();
      // Signing in was a request that reached the server.
      sync.serverReachable();
      sync.start();
    } else {
      void sync.stop().then(() => emit('queue:changed', toPayload(sync.status())));
    }
  };
  const offSession = session.onChange(follow);
  follow();

  let timer: NodeJS.Timeout | null = null;
  let lastAt = 0;
  const flush = (): void => {
    timer = null;
    lastAt = Date.now();
    emit('queue:changed', toPayload(sync.status()));
  };
  const offSync = sync.onChange(() => {
    if (timer !== null) return;
    timer = setTimeout(flush, Math.max(0, lastAt + EMIT_INTERVAL_MS - Date.now()));
  });

  return {
    async dispose() {
      offSession();
      offSync();
      if (timer !== null) clearTimeout(timer);
      await sync.stop();
    },
  };
}

/** The contract's shape of a status (the worker's carries no extra fields today; this keeps it so). */
export function toPayload(s: SyncStatus): SyncStatus {
  return {
    counts: s.counts,
    pending: s.pending,
    oldestPendingAgeMs: s.oldestPendingAgeMs,
    lastSuccessfulSyncAt: s.lastSuccessfulSyncAt,
    connectivity: s.connectivity,
    pausedReason: s.pausedReason,
    pausedMessage: s.pausedMessage,
    running: s.running,
  };
}
