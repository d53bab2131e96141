import { ozPaths, type OzClient } from '../oz/index.js';
import { assertNever } from '../../shared/result.js';
import { defaultBackoff, type BackoffPolicy } from './backoff.js';
import { ConnectivityMonitor } from './connectivity.js';
import type { EnrollmentQueue } from './enrollment-queue.js';
import type { StoredItem } from './queue-store.js';
import type { DeskScope } from '../../shared/domain/desk-scope.js';
import type { PausedReason, SyncedItem, SyncStatus } from './queue-types.js';
import { syncItem, type ItemResult } from './sync-item.js';

export interface SyncWorkerOptions {
  readonly queue: EnrollmentQueue;
  /** The signed-in client, or null when nobody is signed in (the queue then pauses). */
  readonly getClient: () => OzClient | null;
  /**
   * The server and account that client signs in as: only items made for it are sent
   * (null: only items made before any scope was known). Items for any other scope wait,
   * counted as `elsewhere`, until that scope signs in or the operator re-targets them.
   */
  readonly scope: () => DeskScope | null;
  /** The scope whose counts the status shows (default: `scope`), e.g. the last one signed in while nobody is. */
  readonly statusScope?: () => DeskScope | null;
  readonly concurrency?: number;
  readonly backoff?: BackoffPolicy;
  /** How often to probe the server while offline. */
  readonly probeIntervalMs?: number;
  /** How long a send whose answer was lost may still be applied by the server (sync-item.ts). */
  readonly reconcileGraceMs?: number;
  readonly random?: () => number;
  /**
   * Called once per item the server fully confirmed, after the commit that marked it done
   * (e.g. to record its photos as enrolled). A throwing hook is logged, never fatal.
   */
  readonly onItemDone?: (item: SyncedItem) => void;
}

const NOT_SIGNED_IN_MESSAGE = 'Sign in to send the queued enrollments.';

export type SyncStop = 'drained' | 'paused' | 'offline' | 'stopped';

export interface SyncReport {
  readonly sent: number;
  readonly quarantined: number;
  readonly remaining: number;
  readonly stoppedBy: SyncStop;
  readonly durationMs: number;
}

export interface SyncNowOptions {
  /** Return as soon as the server is unreachable (CLI), instead of waiting for it (default true). */
  readonly stopWhenOffline?: boolean;
  /** Called after every item attempt, for progress bars. */
  readonly onProgress?: (status: SyncStatus) => void;
}

export interface SyncWorker {
  /** Syncs continuously in the background until stop(). */
  start(): void;
  stop(): Promise<void>;
  /** Sends everything now (skipping back-off waits) and resolves when nothing more can be sent. */
  syncNow(opts?: SyncNowOptions): Promise<SyncReport>;
  /** Lifts an auth pause, after the operator signed in again. */
  resume(): void;
  /** The server just answered another request (e.g. a sign-in): the desk is online. */
  serverReachable(): void;
  status(): SyncStatus;
  onChange(listener: (status: SyncStatus) => void): () => void;
}

interface Drain {
  readonly stopWhenOffline: boolean;
  readonly onProgress: ((status: SyncStatus) => void) | undefined;
  readonly startedAt: number;
  readonly sentAtStart: number;
  readonly quarantinedAtStart: number;
  readonly resolve: (report: SyncReport) => void;
}

export function createSyncWorker(opts: SyncWorkerOptions): SyncWorker {
  const { queue } = opts;
  const { store, now } = queue.engine;
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const backoff = opts.backoff ?? defaultBackoff;
  const probeIntervalMs = opts.probeIntervalMs ?? 15_000;
  const listeners = new Set<(status: SyncStatus) => void>();
  const running = new Set<Promise<void>>();
  const drains: Drain[] = [];
  let started = false;
  let paused: { reason: Exclude<PausedReason, null>; message: string } | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;
  let probeTimer: NodeJS.Timeout | null = null;
  let probing = false;
  let sentTotal = 0;
  let quarantinedTotal = 0;

  let wasOffline = false;
  const connectivity = new ConnectivityMonitor((state) => {
    if (state === 'offline') scheduleProbe();
    // Items that waited out the outage go as soon as the link is back, not at their back-off time.
    if (state === 'online' && wasOffline) store.makeWaitingDue();
    wasOffline = state === 'offline';
    emit();
    pump();
  });

  const status = (): SyncStatus => ({
    ...queue.status((opts.statusScope ?? opts.scope)()),
    connectivity: connectivity.state,
    ...pauseOf(),
    running: started || drains.length > 0,
  });

  // Signed out counts as paused even while the worker idles (stopped, nothing pumped).
  function pauseOf(): Pick<SyncStatus, 'pausedReason' | 'pausedMessage'> {
    if (paused !== null) return { pausedReason: paused.reason, pausedMessage: paused.message };
    if (opts.getClient() === null) return { pausedReason: 'not-signed-in', pausedMessage: NOT_SIGNED_IN_MESSAGE };
    return { pausedReason: null, pausedMessage: null };
  }

  function emit(): void {
    if (listeners.size === 0 && drains.every((d) => d.onProgress === undefined)) return;
    const snapshot = status();
    for (const l of listeners) l(snapshot);
    for (const d of drains) d.onProgress?.(snapshot);
  }

  const active = (): boolean => started || drains.length > 0;

  function pump(): void {
    if (!active()) return;
    while (paused === null && connectivity.state !== 'offline' && running.size < concurrency) {
      const client = opts.getClient();
      if (client === null) {
        pause('not-signed-in', NOT_SIGNED_IN_MESSAGE);
        break;
      }
      const item = store.claimNext(opts.scope());
      if (item === null) break;
      const task = syncItem({ ...queue.engine, client, backoff, random: opts.random, reconcileGraceMs: opts.reconcileGraceMs }, item).then((result) => settle(result, item, client), (err: unknown) => {
        // syncItem settles its own failures; reaching here is a bug in the store layer.
        store.release(item.row.id);
        console.error('enroll-desk queue: unexpected sync failure', err);
      });
      const tracked: Promise<void> = task.finally(() => {
        running.delete(tracked);
        emit();
        pump();
      });
      running.add(tracked);
    }
    scheduleWake();
    settleDrains();
  }

  function settle(result: ItemResult, item: StoredItem, client: OzClient): void {
    switch (result.kind) {
      case 'done':
        sentTotal += 1;
        connectivity.reportSuccess();
        reportDone(item.row.id);
        return;
      case 'retry':
        if (result.reachedServer) connectivity.reportSuccess();
        else connectivity.reportFailure(result.connectFailure);
        return;
      case 'pause':
        // The session this attempt used was replaced (a new sign-in) while it ran: its "not
        // signed in" speaks for the old connection only. The item is back in the queue, and
        // the next pump sends it with the new one.
        if (result.reason === 'auth' && opts.getClient() !== client) return;
        // A refused certificate says nothing about the link; a refused account means it works.
        if (result.reason === 'auth') connectivity.reportSuccess();
        pause(result.reason, result.message);
        return;
      case 'quarantined':
        quarantinedTotal += 1;
        connectivity.reportSuccess();
        return;
      case 'collection-gone':
        quarantinedTotal += result.count;
        connectivity.reportSuccess();
        return;
      default:
        assertNever(result);
    }
  }

  function reportDone(itemId: string): void {
    if (opts.onItemDone === undefined) return;
    // Reloaded: the claimed copy predates the person id the attempt learned.
    const done = store.load(itemId);
    if (done === null || done.row.person_id === null) return;
    try {
      opts.onItemDone({
        itemId,
        kind: done.row.kind,
        collectionId: done.row.collection_id,
        personId: done.row.person_id,
        enrollmentId: done.row.enrollment_id ?? done.row.depends_on_enrollment_id,
        sha256s: done.photos.map((p) => p.sha256),
        scope: done.row.server === null || done.row.account === null ? null : { server: done.row.server, account: done.row.account },
      });
    } catch (err) {
      console.error('enroll-desk queue: the item-done hook failed', err);
    }
  }

  function pause(reason: Exclude<PausedReason, null>, message: string): void {
    paused = { reason, message };
    emit();
  }

  function scheduleWake(): void {
    if (wakeTimer !== null) clearTimeout(wakeTimer);
    wakeTimer = null;
    if (!active() || paused !== null) return;
    const at = store.nextWakeAt(opts.scope());
    if (at === null) return;
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      pump();
    }, Math.max(0, at - now()) + 5);
    keepAliveOnlyForDrains(wakeTimer);
  }

  function scheduleProbe(): void {
    if (probeTimer !== null || !active()) return;
    probeTimer = setTimeout(() => {
      probeTimer = null;
      void probe();
    }, probeIntervalMs);
    keepAliveOnlyForDrains(probeTimer);
  }

  async function probe(): Promise<void> {
    const client = opts.getClient();
    if (client === null || probing || connectivity.state !== 'offline') return;
    probing = true;
    try {
      await client.request({ method: 'GET', path: ozPaths.collections(), query: { limit: 1 } });
      connectivity.reportSuccess();
    } catch (err) {
      // Any answer from the server (even an error status) means the link is back.
      if (typeof (err as { httpStatus?: unknown }).httpStatus === 'number') connectivity.reportSuccess();
      else scheduleProbe();
    } finally {
      probing = false;
    }
  }

  // A background worker must not keep the process alive; a caller awaiting syncNow must.
  function keepAliveOnlyForDrains(timer: NodeJS.Timeout): void {
    if (drains.length === 0) timer.unref();
  }

  function settleDrains(): void {
    if (drains.length === 0 || running.size > 0 || probing) return;
    const stop: SyncStop | null =
      paused !== null
        ? 'paused'
        : connectivity.state === 'offline'
          ? 'offline'
          : store.nextWakeAt(opts.scope()) === null
            ? 'drained'
            : null;
    for (const d of [...drains]) {
      const reason = stop === 'offline' && !d.stopWhenOffline ? null : stop;
      if (reason !== null) finishDrain(d, reason);
    }
    if (!active()) clearTimers();
  }

  function finishDrain(d: Drain, stoppedBy: SyncStop): void {
    drains.splice(drains.indexOf(d), 1);
    d.resolve({
      sent: sentTotal - d.sentAtStart,
      quarantined: quarantinedTotal - d.quarantinedAtStart,
      remaining: queue.status(opts.scope()).pending,
      stoppedBy,
      durationMs: now() - d.startedAt,
    });
  }

  function clearTimers(): void {
    if (wakeTimer !== null) clearTimeout(wakeTimer);
    if (probeTimer !== null) clearTimeout(probeTimer);
    wakeTimer = null;
    probeTimer = null;
  }

  queue.onChange(() => {
    emit();
    pump();
  });

  return {
    start() {
      started = true;
      if (connectivity.state === 'offline') scheduleProbe();
      pump();
    },

    async stop() {
      started = false;
      clearTimers();
      for (const d of [...drains]) finishDrain(d, 'stopped');
      await Promise.all([...running]);
    },

    syncNow(syncOpts = {}) {
      store.makeWaitingDue();
      return new Promise<SyncReport>((resolve) => {
        drains.push({
          stopWhenOffline: syncOpts.stopWhenOffline ?? true,
          onProgress: syncOpts.onProgress,
          startedAt: now(),
          sentAtStart: sentTotal,
          quarantinedAtStart: quarantinedTotal,
          resolve,
        });
        if (connectivity.state === 'offline') {
          // The operator asked explicitly: try the server now rather than at the next probe.
          if (probeTimer !== null) clearTimeout(probeTimer);
          probeTimer = null;
          void probe().then(() => pump());
        } else {
          pump();
        }
      });
    },

    resume() {
      paused = null;
      emit();
      pump();
    },

    serverReachable() {
      connectivity.reportSuccess();
      pump();
    },

    status,

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
