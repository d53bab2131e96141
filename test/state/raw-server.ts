import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningSandbox } from '../../src/sandbox/index.js';

// One server's side of the story in plain HTTP (no desk code), straight to the sandbox (never
// through the desk's link). The sandbox's faults apply here too: reads are retried, and a
// delete that was cut off after it committed counts as done when the retry finds nothing.

export interface ServerPerson {
  readonly personId: string;
  readonly enrollmentId: string | null;
  readonly images: readonly { readonly imageId: string; readonly name: string }[];
}

export interface RawServer {
  readonly name: string;
  createCollection(alias: string): Promise<string>;
  /** Deletes the collection with its persons, as the Oz console would (the desk is not told). */
  deleteCollection(collectionId: string): Promise<void>;
  persons(collectionId: string): Promise<readonly ServerPerson[]>;
  deletePerson(collectionId: string, personId: string): Promise<void>;
  deletePhoto(collectionId: string, personId: string, imageId: string): Promise<void>;
}

type Item = Record<string, unknown>;
const itemsOf = (body: unknown): readonly Item[] => (Array.isArray(body) ? (body as Item[]) : (((body as { items?: Item[] }).items ?? []) as Item[]));

export async function rawServer(name: string, sb: RunningSandbox): Promise<RawServer> {
  const demo = sb.demo as NonNullable<RunningSandbox['demo']>;
  const login = await fetch(`${sb.url}/api/authorize/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credentials: { email: demo.email, password: demo.password } }),
  });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const res = await fetch(`${sb.url}${path}`, {
          method,
          headers: { 'X-Forensic-Access-Token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        if ((res.status >= 500 || res.status === 429) && attempt < 50) continue;
        // A retried delete whose first try committed before the reset.
        if (method === 'DELETE' && res.status === 404 && attempt > 0) return { status: 204, json: null };
        return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
      } catch (err) {
        if (attempt >= 50) throw err;
        await sleep(1);
      }
    }
  };
  const ok = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`${name}: ${method} ${path} answered ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  };
  const persons = async (collectionId: string): Promise<readonly ServerPerson[]> => {
    const listed = itemsOf(await ok('GET', `/api/collections/${collectionId}/persons/?limit=1000`));
    return Promise.all(
      listed.map(async (p) => {
        const personId = String(p['person_id']);
        const images = itemsOf(await ok('GET', `/api/collections/${collectionId}/persons/${personId}/images/?limit=1000`));
        const meta = p['meta_data'] as { enrollment?: { id?: unknown } } | null;
        return {
          personId,
          enrollmentId: typeof meta?.enrollment?.id === 'string' ? meta.enrollment.id : null,
          images: images.map((i) => ({ imageId: String(i['person_image_id']), name: String(i['original_name']) })),
        };
      }),
    );
  };
  return {
    name,
    async createCollection(alias) {
      const made = (await ok('POST', '/api/collections/', { alias, company_id: demo.companyId })) as { collection_id: string };
      return made.collection_id;
    },
    async deleteCollection(collectionId) {
      for (const p of await persons(collectionId)) await ok('DELETE', `/api/collections/${collectionId}/persons/${p.personId}/`);
      await ok('DELETE', `/api/collections/${collectionId}/`);
    },
    persons,
    deletePerson: async (collectionId, personId) => void (await ok('DELETE', `/api/collections/${collectionId}/persons/${personId}/`)),
    deletePhoto: async (collectionId, personId, imageId) => void (await ok('DELETE', `/api/collections/${collectionId}/persons/${personId}/images/${imageId}/`)),
  };
}
