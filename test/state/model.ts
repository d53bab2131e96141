import type { ServerName } from './world.js';

/** One consented enrollment as the operator made it, and what has become of it since. */
export interface ModelEnrollment {
  readonly id: string;
  /** Its queue item (one per enrollment: at most two photos). */
  readonly itemId: string;
  /** Where it must end up: where it was made, or where the operator moved it. */
  server: ServerName;
  collectionId: string;
  /** Photo hashes it must hold on the server (deleted ones are dropped). */
  readonly photos: Set<string>;
  /** Its person was deleted (through the desk or not): it must never come back. */
  deleted: boolean;
  /** The desk learnt that it arrived (its queue item done) at the last check. */
  arrived: boolean;
}

/** A photo whose person or photo was deleted: the operator may enroll it again. */
export interface FreePhoto {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly server: ServerName;
  readonly collectionId: string;
  /** Deleted behind the desk's back (raw HTTP, or a desk deletion whose answer was lost): its record is stale. */
  readonly staleRecord: boolean;
}

export interface ServerModel {
  readonly live: string[];
  readonly dead: string[];
  linkUp: boolean;
}

export interface Model {
  signedIn: ServerName | null;
  readonly servers: Record<ServerName, ServerModel>;
  readonly enrollments: Map<string, ModelEnrollment>;
  readonly bytes: Map<string, Buffer>;
  readonly free: FreePhoto[];
}

export function newModel(collections: Readonly<Record<ServerName, readonly string[]>>): Model {
  return {
    signedIn: null,
    servers: { A: { live: [...collections.A], dead: [], linkUp: true }, B: { live: [...collections.B], dead: [], linkUp: true } },
    enrollments: new Map(),
    bytes: new Map(),
    free: [],
  };
}

/** The collections of a server the operator may pick: live ones, and now and then a stale pick of a deleted one. */
export function pickCollection(model: Model, server: ServerName, pick: number): string {
  const { live, dead } = model.servers[server];
  const all = [...live, ...dead];
  return pick % 5 === 4 && dead.length > 0 ? (dead[pick % dead.length] as string) : (live[pick % live.length] ?? (all[0] as string));
}

/** Enrollments that arrived and still exist: what a delete can target. */
export const arrivedLive = (model: Model): ModelEnrollment[] => [...model.enrollments.values()].filter((e) => e.arrived && !e.deleted);
