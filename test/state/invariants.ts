import { expect } from 'vitest';
import { uploadNameOf } from '../../src/core/services/enroll/enrollment-sink.js';
import { deskScopeOf } from '../../src/shared/domain/desk-scope.js';
import type { QueueItemView } from '../../src/shared/domain/queue.js';
import { channels, type ChannelOutput, type ChannelParsedInput } from '../../src/shared/ipc/contract.js';
import type { Model, ModelEnrollment } from './model.js';
import type { ServerPerson } from './raw-server.js';
import { SERVERS, type Desk, type ServerName } from './world.js';

export interface Observed {
  /** Every person on both servers' live collections, with where it was found. */
  readonly persons: readonly (ServerPerson & { readonly server: ServerName; readonly collectionId: string })[];
  readonly items: ReadonlyMap<string, QueueItemView>;
  readonly queue: QueueSnapshot;
}

/** What the Sync screen and the desk summary show, read in one synchronous moment. */
interface QueueSnapshot {
  readonly status: ChannelOutput<'queue:status'>;
  readonly here: readonly QueueItemView[];
  readonly away: readonly QueueItemView[];
  readonly unsynced: number;
}

/**
 * The queue through the handlers the renderer calls (outputs checked against the contract),
 * with no await in between: the sync worker, still running, cannot move between the reads.
 */
function snapshotQueue(desk: Desk): QueueSnapshot {
  const h = desk.app.handlers;
  const read = <C extends 'queue:status' | 'queue:list' | 'desk:unsynced'>(c: C, input: ChannelParsedInput<C>): ChannelOutput<C> => {
    const value = (h[c] as (i: ChannelParsedInput<C>) => unknown)(input);
    if (value instanceof Promise) throw new Error(`${c} is no longer a synchronous read: the snapshot needs another way`);
    return channels[c].output.parse(value) as ChannelOutput<C>;
  };
  return {
    status: read('queue:status', undefined),
    here: read('queue:list', { where: 'here', limit: 500, offset: 0 }),
    away: read('queue:list', { where: 'elsewhere', limit: 500, offset: 0 }),
    unsynced: read('desk:unsynced', undefined).unsynced,
  };
}

/**
 * The queue first, then the servers in raw HTTP: whatever the worker sends in between only
 * adds persons for items the snapshot still shows queued, so an item it shows done is on the
 * server by the time the server is read.
 */
export async function observe(model: Model, desk: Desk): Promise<Observed> {
  const queue = snapshotQueue(desk);
  const lists = SERVERS.flatMap((name) =>
    model.servers[name].live.map(async (collectionId) => (await desk.stage.servers[name].raw.persons(collectionId)).map((p) => ({ ...p, server: name, collectionId }))),
  );
  const persons = (await Promise.all(lists)).flat();
  return { persons, items: new Map([...queue.here, ...queue.away].map((i) => [i.id, i])), queue };
}

const scopeServer = (desk: Desk, name: ServerName): string => deskScopeOf(desk.stage.servers[name].link.url, desk.stage.servers[name].email).server;
const names = (e: ModelEnrollment): string[] => [...e.photos].map(uploadNameOf).sort();

/**
 * After every step: each consented enrollment is on exactly one server person (where it was
 * made for, or moved to) with its photos, or waits in a queue state the operator can see
 * and act on; nothing reached a server or collection it was not made for; a deleted person
 * stays deleted; the counts the services report agree with the queue.
 */
export async function checkInvariants(model: Model, desk: Desk): Promise<void> {
  const seen = await observe(model, desk);
  checkServers(model, seen);
  checkEnrollments(model, desk, seen);
  checkCounts(seen);
  await checkPersonsList(model, desk, seen);
}

function checkServers(model: Model, seen: Observed): void {
  const copies = new Map<string, number>();
  for (const p of seen.persons) {
    const where = `person ${p.personId} on ${p.server}/${p.collectionId}`;
    const e = p.enrollmentId === null ? undefined : model.enrollments.get(p.enrollmentId);
    expect(e, `${where}: no enrollment of this desk made it`).toBeDefined();
    if (e === undefined) continue;
    copies.set(e.id, (copies.get(e.id) ?? 0) + 1);
    expect(`${p.server}/${p.collectionId}`, `${where}: enrollment ${e.id} was made for another server or collection`).toBe(`${e.server}/${e.collectionId}`);
    expect(e.deleted, `${where}: enrollment ${e.id} was deleted and came back`).toBe(false);
    const expected = new Set(names(e));
    for (const image of p.images) expect(expected.has(image.name), `${where}: photo ${image.name} is not one of enrollment ${e.id}'s`).toBe(true);
  }
  for (const [id, n] of copies) expect(n, `enrollment ${id} is on the servers ${n} times`).toBe(1);
}

function checkEnrollments(model: Model, desk: Desk, seen: Observed): void {
  for (const e of model.enrollments.values()) {
    const item = seen.items.get(e.itemId);
    if (item !== undefined) {
      expect(item.scope?.server, `item ${item.id} of enrollment ${e.id} is meant for another server`).toBe(scopeServer(desk, e.server));
      expect(item.collectionId, `item ${item.id} of enrollment ${e.id} is meant for another collection`).toBe(e.collectionId);
    }
    if (e.deleted) continue;
    const person = seen.persons.find((p) => p.enrollmentId === e.id);
    const what = `enrollment ${e.id} (${e.server}/${e.collectionId})`;
    expect(item, `${what}: its queue item is gone`).toBeDefined();
    if (item === undefined) continue;
    if (item.state === 'done') {
      expect(person, `${what}: the queue says it arrived, the server has no such person`).toBeDefined();
      expect(person?.images.map((i) => i.name).sort(), `${what}: photos on the server`).toEqual(names(e));
      e.arrived = true;
    } else if (item.state === 'quarantined') {
      expect(item.quarantineReason ?? '', `${what}: quarantined without a reason`).not.toBe('');
    }
  }
}

function checkCounts(seen: Observed): void {
  const { status, here, away, unsynced } = seen.queue;
  const n = (items: readonly QueueItemView[], state: QueueItemView['state']): number => items.filter((i) => i.state === state).length;
  const shown = { ready: status.counts.ready, syncing: status.counts.syncing, retryWait: status.counts.retryWait, quarantined: status.counts.quarantined, elsewhere: status.counts.elsewhere };
  expect(shown, 'Sync screen counts against its item list').toEqual({
    ready: n(here, 'ready'),
    syncing: n(here, 'syncing'),
    retryWait: n(here, 'retry_wait'),
    quarantined: n(here, 'quarantined'),
    elsewhere: away.filter((i) => i.state !== 'done').length,
  });
  expect(status.pending, 'pending = ready + syncing + waiting').toBe(status.counts.ready + status.counts.syncing + status.counts.retryWait);
  expect(unsynced, 'the desk summary of unsynced work').toBe([...seen.items.values()].filter((i) => i.state !== 'done').length);
}

/** The persons list of a collection, read fresh from the server, counts what the server holds. */
async function checkPersonsList(model: Model, desk: Desk, seen: Observed): Promise<void> {
  const at = model.signedIn;
  if (at === null || !model.servers[at].linkUp) return;
  const collectionId = model.servers[at].live[0] as string;
  // Only where nothing for it is on its way (the worker keeps sending while this reads).
  if (seen.queue.here.some((i) => i.collectionId === collectionId && i.state !== 'done' && i.state !== 'quarantined')) return;
  const page = await desk.call('persons:list', { collectionId, offset: 0, limit: 500 });
  // A transient error, or a page the server could not refresh (it says so): nothing to compare.
  if (!page.ok || page.value.offline) return;
  const onServer = seen.persons.filter((p) => p.server === at && p.collectionId === collectionId).length;
  expect(page.value.total ?? page.value.items.length, `persons list of ${at}/${collectionId}`).toBe(onServer);
}

/**
 * The end of a sequence: faults off, links up, each server signed in and synced. Every
 * enrollment not deleted is then on its server exactly once with all its photos, or
 * quarantined because its collection is gone (the operator moves it: a way forward).
 */
export async function settle(model: Model, desk: Desk): Promise<void> {
  for (const name of SERVERS) {
    desk.stage.servers[name].sandbox.setFaults(null);
    await desk.stage.servers[name].link.restore();
    model.servers[name].linkUp = true;
  }
  // The server signed in now goes last: one sign-in fewer when the other has nothing waiting.
  const current = model.signedIn;
  for (const name of [...SERVERS.filter((n) => n !== current), ...(current === null ? [] : [current])]) {
    const s = desk.stage.servers[name];
    const waiting = [...model.enrollments.values()].some((e) => e.server === name && !e.deleted && !e.arrived);
    if (!waiting && name !== model.signedIn) continue;
    if (name !== model.signedIn || desk.app.context.session.status().state !== 'signedIn') {
      const signedIn = await desk.call('session:signIn', { serverUrl: s.link.url, email: s.email, password: s.password, remember: true });
      expect(signedIn.ok, `sign in to ${name} with faults off`).toBe(true);
      model.signedIn = name;
    }
    for (let i = 0; i < 10 && desk.app.context.sync.status().pending > 0; i += 1) await desk.app.context.sync.syncNow();
    const left = desk.app.context.queue.list({ limit: 50, offset: 0 }).filter((i) => i.state !== 'done' && i.state !== 'quarantined');
    expect(desk.app.context.sync.status(), `${name} drained with faults off; left: ${JSON.stringify(left)}`).toMatchObject({ pending: 0 });
  }
  await checkInvariants(model, desk);
  const seen = await observe(model, desk);
  for (const e of model.enrollments.values()) {
    if (e.deleted) continue;
    const item = seen.items.get(e.itemId);
    const person = seen.persons.find((p) => p.enrollmentId === e.id);
    if (person !== undefined) {
      expect(person.images.map((i) => i.name).sort(), `enrollment ${e.id}: photos once synced`).toEqual(names(e));
      continue;
    }
    expect(item, `enrollment ${e.id} is neither on its server nor in the queue`).toBeDefined();
    expect({ state: item?.state, code: item?.quarantineCode, gone: model.servers[e.server].dead.includes(e.collectionId) }, `enrollment ${e.id} after a clean sync`).toEqual({
      state: 'quarantined',
      code: 'collection-gone',
      gone: true,
    });
  }
}
