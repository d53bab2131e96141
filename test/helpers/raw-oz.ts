import type { Sandbox } from './sandbox.js';

// Plain HTTP against the Oz API, independent of the desk's client: what a test uses to
// check the server's side of a story (the seed's own calls).

interface RawPerson {
  readonly person_id: string;
  readonly meta_data?: { readonly person_info?: { readonly first_name?: string; readonly last_name?: string } } | null;
}

interface RawAnalysis {
  readonly analyse_id?: string;
  readonly analysis_id?: string;
  readonly type: string;
  readonly results_media?: readonly { readonly person_id?: string | null }[] | null;
}

export interface RawOz {
  readonly demo: NonNullable<Sandbox['demo']>;
  get(path: string): Promise<{ status: number; body: unknown }>;
  persons(): Promise<readonly RawPerson[]>;
  imageCount(personId: string): Promise<number>;
  deletePerson(personId: string): Promise<number>;
  deleteAllPersons(): Promise<void>;
  /** The seed's walk: folders that ran a COLLECTION analysis, each read with its analyses. */
  analysesReferencing(personId: string): Promise<readonly string[]>;
  folderCount(): Promise<number>;
}

const itemsOf = <T>(body: unknown): readonly T[] => (Array.isArray(body) ? (body as T[]) : ((body as { items?: T[] }).items ?? []));

export async function rawOz(sb: Sandbox): Promise<RawOz> {
  const demo = sb.demo as NonNullable<Sandbox['demo']>;
  const login = await fetch(`${sb.url}/api/authorize/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ credentials: { email: demo.email, password: demo.password } }),
  });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const headers = { 'X-Forensic-Access-Token': token };
  const get = async (path: string) => {
    const res = await fetch(`${sb.url}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const del = async (path: string) => (await fetch(`${sb.url}${path}`, { method: 'DELETE', headers })).status;
  const persons = async () => itemsOf<RawPerson>((await get(`/api/collections/${demo.collectionId}/persons/?limit=1000`)).body);
  return {
    demo,
    get,
    persons,
    imageCount: async (personId) => itemsOf((await get(`/api/collections/${demo.collectionId}/persons/${personId}/images/`)).body).length,
    deletePerson: (personId) => del(`/api/collections/${demo.collectionId}/persons/${personId}`),
    async deleteAllPersons() {
      for (const p of await persons()) await del(`/api/collections/${demo.collectionId}/persons/${p.person_id}`);
    },
    async analysesReferencing(personId) {
      const folders = itemsOf<{ folder_id: string }>((await get('/api/folders/?analyse.type=COLLECTION&limit=1000')).body);
      const found: string[] = [];
      for (const f of folders) {
        const folder = (await get(`/api/folders/${f.folder_id}?with_analyses=true`)).body as { analyses?: RawAnalysis[] };
        for (const a of folder.analyses ?? []) {
          if (a.type === 'COLLECTION' && (a.results_media ?? []).some((m) => m.person_id === personId)) found.push(a.analysis_id ?? a.analyse_id ?? '');
        }
      }
      return found;
    },
    folderCount: async () => itemsOf((await get('/api/folders/?limit=1000')).body).length,
  };
}
