import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { PersonResult } from '../../src/shared/domain/enroll.js';
import type { Result } from '../../src/shared/result.js';
import { enrollThrough, type Source } from './enroll-steps.js';
import { checkInvariants } from './invariants.js';
import { arrivedLive, pickCollection, type Model, type ModelEnrollment } from './model.js';
import { freshPhoto, SERVERS, type Desk, type ServerName } from './world.js';

type Step = fc.AsyncCommand<Model, Desk>;

/** Steps run, by kind: printed at the end, so a run shows what it covered. */
export const stepsRun = new Map<string, number>();
export const timeIn = new Map<string, number>();

/** Every step ends with the invariants, read while nothing moves. */
abstract class Checked implements Step {
  abstract check(m: Readonly<Model>): boolean;
  abstract act(m: Model, d: Desk): Promise<void>;
  abstract toString(): string;
  async run(m: Model, d: Desk): Promise<void> {
    const kind = this.toString().replace(/\(.*$/, '');
    stepsRun.set(kind, (stepsRun.get(kind) ?? 0) + 1);
    const t0 = performance.now();
    await this.act(m, d);
    const t1 = performance.now();
    await checkInvariants(m, d);
    timeIn.set(kind, (timeIn.get(kind) ?? 0) + t1 - t0);
    timeIn.set('invariants', (timeIn.get('invariants') ?? 0) + performance.now() - t1);
  }
}

/** Which server a session status names (by the link's URL). */
export function signedInServer(d: Desk): ServerName | null {
  const status = d.app.context.session.status();
  if (status.state !== 'signedIn') return null;
  return SERVERS.find((s) => d.stage.servers[s].link.url === status.serverUrl) ?? null;
}

class SignIn extends Checked {
  constructor(readonly server: ServerName) {
    super();
  }
  check(): boolean {
    return true;
  }
  async act(m: Model, d: Desk): Promise<void> {
    const s = d.stage.servers[this.server];
    const res = await d.call('session:signIn', { serverUrl: s.link.url, email: s.email, password: s.password, remember: true });
    if (!m.servers[this.server].linkUp) expect(res.ok, 'signed in through a cut link').toBe(false);
    m.signedIn = signedInServer(d);
  }
  toString(): string {
    return `signIn(${this.server})`;
  }
}

class SignOut extends Checked {
  check(m: Readonly<Model>): boolean {
    return m.signedIn !== null;
  }
  async act(m: Model, d: Desk): Promise<void> {
    expect((await d.call('session:signOut', { forgetPassword: false })).ok).toBe(true);
    m.signedIn = null;
  }
  toString(): string {
    return 'signOut';
  }
}

class Link extends Checked {
  constructor(
    readonly server: ServerName,
    readonly up: boolean,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.servers[this.server].linkUp !== this.up;
  }
  async act(m: Model, d: Desk): Promise<void> {
    const { link } = d.stage.servers[this.server];
    await (this.up ? link.restore() : link.down());
    m.servers[this.server].linkUp = this.up;
  }
  toString(): string {
    return `link(${this.server}, ${this.up ? 'up' : 'down'})`;
  }
}

function remember(m: Model, server: ServerName, collectionId: string, result: PersonResult, bytes: readonly Buffer[]): void {
  expect(result.status, `enrollment answered ${result.status}: ${result.message ?? ''}`).toBe('queued');
  expect(result.enrollmentId).not.toBeNull();
  expect(result.itemId).not.toBeNull();
  const photos = new Set(result.photos.map((p) => p.sha256));
  expect(photos.size).toBe(bytes.length);
  result.photos.forEach((p, i) => m.bytes.set(p.sha256, bytes[i] as Buffer));
  const id = result.enrollmentId as string;
  m.enrollments.set(id, { id, itemId: result.itemId as string, server, collectionId, photos, deleted: false, arrived: false });
}

const accepted = (res: Result<PersonResult>): PersonResult => {
  if (!res.ok) throw new Error(`refused: ${res.error.code} ${res.error.message}`);
  return res.value;
};

let people = 0;

class Enroll extends Checked {
  constructor(
    readonly source: Source,
    readonly photoCount: number,
    readonly pick: number,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.signedIn !== null;
  }
  async act(m: Model, d: Desk): Promise<void> {
    const server = m.signedIn as ServerName;
    const collectionId = pickCollection(m, server, this.pick);
    const bytes = await Promise.all(Array.from({ length: this.photoCount }, () => freshPhoto()));
    people += 1;
    remember(m, server, collectionId, accepted(await enrollThrough(d, this.source, collectionId, bytes, `P${people}`)), bytes);
  }
  toString(): string {
    return `enroll(${this.source}, ${this.photoCount} photos, pick ${this.pick})`;
  }
}

/** A photo whose person or photo was deleted, enrolled again (the form, or a folder while the link is up). */
class ReEnroll extends Checked {
  constructor(
    readonly pickPhoto: number,
    readonly viaFolder: boolean,
    readonly pick: number,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.signedIn !== null && m.free.length > 0 && (!this.viaFolder || m.servers[m.signedIn].linkUp);
  }
  async act(m: Model, d: Desk): Promise<void> {
    const server = m.signedIn as ServerName;
    const [photo] = m.free.splice(this.pickPhoto % m.free.length, 1);
    if (photo === undefined) return;
    const collectionId = pickCollection(m, server, this.pick);
    people += 1;
    const res = await enrollThrough(d, this.viaFolder ? 'folder' : 'form', collectionId, [photo.bytes], `R${people}`);
    // Offline, the desk cannot tell a deletion made behind its back from none: it may refuse,
    // saying so. One made through the desk cleared its record: that photo enrolls even offline.
    if (!m.servers[server].linkUp && photo.staleRecord && !res.ok) {
      expect((res.error.details as { reason?: unknown } | undefined)?.reason, res.error.message).toBe('already_enrolled_unconfirmed');
      m.free.push(photo);
      return;
    }
    remember(m, server, collectionId, accepted(res), [photo.bytes]);
  }
  toString(): string {
    return `reEnroll(photo ${this.pickPhoto}, ${this.viaFolder ? 'folder' : 'form'}, pick ${this.pick})`;
  }
}

/** The server person of an arrived enrollment, read in raw HTTP. */
async function personOf(d: Desk, e: ModelEnrollment): Promise<{ personId: string; images: readonly { imageId: string; name: string }[] } | null> {
  return (await d.stage.servers[e.server].raw.persons(e.collectionId)).find((p) => p.enrollmentId === e.id) ?? null;
}

const viaDesk = (m: Readonly<Model>, e: ModelEnrollment): boolean => m.signedIn === e.server && m.servers[e.server].linkUp;

class DeletePerson extends Checked {
  constructor(
    readonly pick: number,
    readonly throughDesk: boolean,
  ) {
    super();
  }
  #target(m: Readonly<Model>): ModelEnrollment | undefined {
    const candidates = arrivedLive(m as Model).filter((e) => !this.throughDesk || viaDesk(m, e));
    return candidates[this.pick % Math.max(1, candidates.length)];
  }
  check(m: Readonly<Model>): boolean {
    return this.#target(m) !== undefined;
  }
  async act(m: Model, d: Desk): Promise<void> {
    const e = this.#target(m) as ModelEnrollment;
    const person = await personOf(d, e);
    expect(person, `arrived enrollment ${e.id} is on the server`).not.toBeNull();
    if (person === null) return;
    // Whether the desk deleted it and heard so: only then is its record of the photo cleared.
    let answered = false;
    if (this.throughDesk) {
      const res = await d.call('persons:delete', { collectionId: e.collectionId, personId: person.personId, confirmDeleteAnalyses: true });
      answered = res.ok;
      if ((await personOf(d, e)) !== null) return;
    } else {
      await d.stage.servers[e.server].raw.deletePerson(e.collectionId, person.personId);
    }
    e.deleted = true;
    for (const sha of e.photos) m.free.push({ bytes: m.bytes.get(sha) as Buffer, sha256: sha, server: e.server, collectionId: e.collectionId, staleRecord: !answered });
  }
  toString(): string {
    return `deletePerson(pick ${this.pick}, ${this.throughDesk ? 'desk' : 'raw HTTP'})`;
  }
}

class DeletePhoto extends Checked {
  constructor(
    readonly pick: number,
    readonly throughDesk: boolean,
  ) {
    super();
  }
  #target(m: Readonly<Model>): ModelEnrollment | undefined {
    const candidates = arrivedLive(m as Model).filter((e) => e.photos.size >= 2 && (!this.throughDesk || viaDesk(m, e)));
    return candidates[this.pick % Math.max(1, candidates.length)];
  }
  check(m: Readonly<Model>): boolean {
    return this.#target(m) !== undefined;
  }
  async act(m: Model, d: Desk): Promise<void> {
    const e = this.#target(m) as ModelEnrollment;
    const image = (await personOf(d, e))?.images[this.pick % e.photos.size];
    const person = await personOf(d, e);
    if (image === undefined || person === null) throw new Error(`arrived enrollment ${e.id} lost its person or photos`);
    const sha = image.name.replace(/\.jpg$/, '');
    // Whether the desk deleted it and heard so: only then is its record of the photo cleared.
    let answered = false;
    if (this.throughDesk) {
      answered = (await d.call('photos:delete', { collectionId: e.collectionId, personId: person.personId, personImageId: image.imageId })).ok;
      if ((await personOf(d, e))?.images.some((i) => i.imageId === image.imageId) === true) return;
    } else {
      await d.stage.servers[e.server].raw.deletePhoto(e.collectionId, person.personId, image.imageId);
    }
    e.photos.delete(sha);
    m.free.push({ bytes: m.bytes.get(sha) as Buffer, sha256: sha, server: e.server, collectionId: e.collectionId, staleRecord: !answered });
  }
  toString(): string {
    return `deletePhoto(pick ${this.pick}, ${this.throughDesk ? 'desk' : 'raw HTTP'})`;
  }
}

/** A collection deleted on the server (as in the Oz console): queued work for it must be quarantined and movable. */
class DeleteCollection extends Checked {
  constructor(
    readonly server: ServerName,
    readonly pick: number,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    // At most one per server and sequence: a move always has another live collection to go to.
    return m.servers[this.server].live.length >= 3;
  }
  async act(m: Model, d: Desk): Promise<void> {
    const { live, dead } = m.servers[this.server];
    const [collectionId] = live.splice(this.pick % live.length, 1) as [string];
    dead.push(collectionId);
    // One moment on the server: the desk does not send while the console deletes.
    await d.quiesce();
    try {
      const there = await d.stage.servers[this.server].raw.persons(collectionId);
      await d.stage.servers[this.server].raw.deleteCollection(collectionId);
      for (const p of there) {
        const e = p.enrollmentId === null ? undefined : m.enrollments.get(p.enrollmentId);
        if (e === undefined) continue;
        e.deleted = true;
        for (const sha of e.photos) m.free.push({ bytes: m.bytes.get(sha) as Buffer, sha256: sha, server: e.server, collectionId, staleRecord: true });
      }
    } finally {
      d.resume();
    }
  }
  toString(): string {
    return `deleteCollection(${this.server}, pick ${this.pick})`;
  }
}

/** Moves a stuck item (quarantined, or made for the other server) to a live collection. */
class Retarget extends Checked {
  constructor(
    readonly pick: number,
    readonly toCurrentServer: boolean,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.signedIn !== null;
  }
  async act(m: Model, d: Desk): Promise<void> {
    const current = m.signedIn as ServerName;
    const stuck = [...m.enrollments.values()].filter((e) => !e.deleted && !e.arrived && (e.server !== current || this.#quarantined(d, e.itemId)));
    const e = stuck[this.pick % Math.max(1, stuck.length)];
    if (e === undefined) return;
    const server = this.toCurrentServer ? current : e.server;
    const targets = m.servers[server].live.filter((c) => server !== e.server || c !== e.collectionId);
    const collectionId = targets[this.pick % Math.max(1, targets.length)];
    if (collectionId === undefined) return;
    const res = await d.call('queue:retarget', { itemId: e.itemId, collectionId, toCurrentServer: this.toCurrentServer });
    if (!res.ok) return;
    e.server = server;
    e.collectionId = collectionId;
  }
  #quarantined(d: Desk, itemId: string): boolean {
    return d.app.context.queue.engine.store.load(itemId)?.row.state === 'quarantined';
  }
  toString(): string {
    return `retarget(pick ${this.pick}, ${this.toCurrentServer ? 'to the current server' : 'on its own server'})`;
  }
}

class Sync extends Checked {
  check(m: Readonly<Model>): boolean {
    return m.signedIn !== null;
  }
  async act(_m: Model, d: Desk): Promise<void> {
    const res = await d.call('queue:syncNow', undefined);
    expect(res.ok).toBe(true);
    const until = Date.now() + 150;
    while (Date.now() < until && d.app.context.sync.status().pending > 0) await sleep(5);
  }
  toString(): string {
    return 'sync';
  }
}

/** The app closed and started again over the same data folder, now and then in the middle of a sync. */
class Restart extends Checked {
  constructor(readonly midSyncMs: number | null) {
    super();
  }
  check(): boolean {
    return true;
  }
  async act(m: Model, d: Desk): Promise<void> {
    if (this.midSyncMs !== null && m.signedIn !== null) {
      await d.call('queue:syncNow', undefined);
      await sleep(this.midSyncMs);
    }
    await d.restart();
    m.signedIn = signedInServer(d);
  }
  toString(): string {
    return `restart(${this.midSyncMs === null ? 'idle' : `${this.midSyncMs} ms into a sync`})`;
  }
}

const server = fc.constantFrom<ServerName>('A', 'B');
const pick = fc.nat(99);

const enroll = fc.tuple(fc.constantFrom<Source>('form', 'form', 'form', 'form', 'webcam', 'folder'), fc.integer({ min: 1, max: 2 }), pick).map(([src, n, p]) => new Enroll(src, n, p));

// Enrollments are what an operator does most: listed three times, they come up three times as often.
export const operatorSteps: fc.Arbitrary<Step>[] = [
  enroll,
  enroll,
  enroll,
  server.map((s) => new SignIn(s)),
  fc.constant(new SignOut()),
  fc.tuple(server, fc.boolean()).map(([s, up]) => new Link(s, up)),
  fc.tuple(pick, fc.boolean(), pick).map(([p, folder, c]) => new ReEnroll(p, folder, c)),
  fc.tuple(pick, fc.boolean()).map(([p, desk]) => new DeletePerson(p, desk)),
  fc.tuple(pick, fc.boolean()).map(([p, desk]) => new DeletePhoto(p, desk)),
  fc.tuple(server, pick).map(([s, p]) => new DeleteCollection(s, p)),
  fc.tuple(pick, fc.boolean()).map(([p, toCurrent]) => new Retarget(p, toCurrent)),
  fc.constant(new Sync()),
  fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }).map((ms) => new Restart(ms)),
];
