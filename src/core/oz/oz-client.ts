import type { z } from 'zod';
import type { AuthSession } from './auth-session.js';
import { parseServerLink } from './media-origin.js';
import { buildPhotoForm } from './multipart.js';
import { OzResponseFormatError } from './oz-api-error.js';
import type { OzHttp, OzRequest, OzResponse, QueryValue } from './oz-http.js';
import { iteratePages } from './paging.js';
import { ozPaths } from './paths.js';
import {
  analysisSchema,
  collectionSchema,
  companySchema,
  folderSchema,
  oneOrManySchema,
  pageSchema,
  personImageSchema,
  personSchema,
} from './schemas.js';
import type { Analysis, Collection, Company, Folder, MetaData, Page, Person, PersonImage, PhotoUpload } from './types.js';

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Overrides the client's default per-call timeout. */
  readonly timeoutMs?: number;
}

export interface PageRequest extends CallOptions {
  readonly limit: number;
  readonly offset: number;
}

export interface FolderQuery extends CallOptions {
  readonly analyseType?: 'COLLECTION';
  readonly withAnalyses?: boolean;
}

export type RawRequest = Omit<OzRequest, 'token'>;

const personPage = pageSchema(personSchema);
const folderPage = pageSchema(folderSchema);
const collectionPage = pageSchema(collectionSchema);
const companyPage = pageSchema(companySchema);
const imageList = oneOrManySchema(personImageSchema);
const analysisList = oneOrManySchema(analysisSchema);

/** A typed method for every Oz endpoint the app uses; auth is handled by the session. */
export class OzClient {
  readonly #http: OzHttp;
  readonly #session: AuthSession;

  constructor(http: OzHttp, session: AuthSession) {
    this.#http = http;
    this.#session = session;
  }

  /** Low-level authenticated request, for calls the typed methods do not cover. */
  request(req: RawRequest): Promise<OzResponse> {
    return this.#session.call((token) => this.#http.send({ ...req, token }));
  }

  async searchCompanies(text: string, opts?: CallOptions): Promise<readonly Company[]> {
    const page = await this.#read(companyPage, { method: 'GET', path: ozPaths.companies(), query: { search_text: text } }, opts);
    return page.items;
  }

  createCollection(input: { readonly alias: string; readonly companyId: string }, opts?: CallOptions): Promise<Collection> {
    return this.#read(
      collectionSchema,
      { method: 'POST', path: ozPaths.collections(), json: { alias: input.alias, company_id: input.companyId } },
      opts,
    );
  }

  async listCollections(opts?: CallOptions): Promise<readonly Collection[]> {
    const page = await this.#read(collectionPage, { method: 'GET', path: ozPaths.collections() }, opts);
    return page.items;
  }

  getCollection(collectionId: string, opts?: CallOptions): Promise<Collection> {
    return this.#read(collectionSchema, { method: 'GET', path: ozPaths.collection(collectionId) }, opts);
  }

  deleteCollection(collectionId: string, opts?: CallOptions): Promise<void> {
    return this.#delete(ozPaths.collection(collectionId), opts);
  }

  createPerson(
    collectionId: string,
    input: { readonly photos: readonly PhotoUpload[]; readonly metaData?: MetaData },
    opts?: CallOptions,
  ): Promise<Person> {
    const meta = input.metaData === undefined ? undefined : { key: 'person:meta_data' as const, value: input.metaData };
    return this.#read(
      personSchema,
      { method: 'POST', path: ozPaths.persons(collectionId), form: buildPhotoForm(input.photos, meta) },
      opts,
    );
  }

  listPersons(collectionId: string, page: PageRequest): Promise<Page<Person>> {
    return this.#read(
      personPage,
      { method: 'GET', path: ozPaths.persons(collectionId), query: { limit: page.limit, offset: page.offset } },
      page,
    );
  }

  iteratePersons(collectionId: string, opts: CallOptions & { readonly pageSize?: number } = {}): AsyncGenerator<Person> {
    return iteratePages((limit, offset) => this.listPersons(collectionId, { ...opts, limit, offset }), {
      pageSize: opts.pageSize,
      idOf: (p) => p.personId,
    });
  }

  getPerson(collectionId: string, personId: string, opts?: CallOptions): Promise<Person> {
    return this.#read(personSchema, { method: 'GET', path: ozPaths.person(collectionId, personId) }, opts);
  }

  deletePerson(collectionId: string, personId: string, opts?: CallOptions): Promise<void> {
    return this.#delete(ozPaths.person(collectionId, personId), opts);
  }

  addPersonImages(
    collectionId: string,
    personId: string,
    photos: readonly PhotoUpload[],
    opts?: CallOptions,
  ): Promise<readonly PersonImage[]> {
    return this.#read(
      imageList,
      { method: 'POST', path: ozPaths.personImages(collectionId, personId), form: buildPhotoForm(photos) },
      opts,
    );
  }

  listPersonImages(collectionId: string, personId: string, opts?: CallOptions): Promise<readonly PersonImage[]> {
    return this.#read(imageList, { method: 'GET', path: ozPaths.personImages(collectionId, personId) }, opts);
  }

  deletePersonImage(collectionId: string, personId: string, personImageId: string, opts?: CallOptions): Promise<void> {
    return this.#delete(ozPaths.personImage(collectionId, personId, personImageId), opts);
  }

  /**
   * GET of an `original_url`/`thumb_url`: with the token on the API's own origin, and on any
   * other origin (Oz's configured media host) without token or cookies.
   */
  async fetchImageBytes(url: string, opts?: CallOptions): Promise<{ readonly bytes: Uint8Array; readonly contentType: string | null }> {
    const req: RawRequest = { method: 'GET', path: url, responseType: 'bytes', ...callParts(opts) };
    const sameOrigin = parseServerLink(url, this.#http.baseUrl).origin === this.#http.baseUrl.origin;
    const res = sameOrigin ? await this.request(req) : await this.#http.send({ ...req, anonymous: true });
    return { bytes: res.bytes ?? new Uint8Array(), contentType: res.contentType };
  }

  createFolder(
    input: { readonly photos: readonly PhotoUpload[]; readonly metaData?: MetaData },
    opts?: CallOptions,
  ): Promise<Folder> {
    const meta = input.metaData === undefined ? undefined : { key: 'folder:meta_data' as const, value: input.metaData };
    return this.#read(folderSchema, { method: 'POST', path: ozPaths.folders(), form: buildPhotoForm(input.photos, meta) }, opts);
  }

  startCollectionAnalysis(
    folderId: string,
    collectionId: string,
    sourceMedia?: readonly string[],
    opts?: CallOptions,
  ): Promise<readonly Analysis[]> {
    const analysis: Record<string, unknown> = { type: 'collection', collection_id: collectionId };
    if (sourceMedia !== undefined) analysis['source_media'] = sourceMedia;
    return this.#read(
      analysisList,
      { method: 'POST', path: ozPaths.folderAnalyses(folderId), json: { analyses: [analysis] } },
      opts,
    );
  }

  listFolders(query: FolderQuery & { readonly limit: number; readonly offset: number }): Promise<Page<Folder>> {
    const params: Record<string, QueryValue> = { limit: query.limit, offset: query.offset };
    if (query.analyseType !== undefined) params['analyse.type'] = query.analyseType;
    if (query.withAnalyses === true) params['with_analyses'] = true;
    return this.#read(folderPage, { method: 'GET', path: ozPaths.folders(), query: params }, query);
  }

  iterateFolders(query: FolderQuery & { readonly pageSize?: number } = {}): AsyncGenerator<Folder> {
    return iteratePages((limit, offset) => this.listFolders({ ...query, limit, offset }), {
      pageSize: query.pageSize,
      idOf: (f) => f.folderId,
    });
  }

  /** The folder with its analyses embedded. */
  getFolder(folderId: string, opts?: CallOptions): Promise<Folder> {
    return this.#read(folderSchema, { method: 'GET', path: ozPaths.folder(folderId), query: { with_analyses: true } }, opts);
  }

  /** Not in the Oz docs: servers may refuse it (403, 405, 501); callers treat that as "keep the folder". */
  deleteFolder(folderId: string, opts?: CallOptions): Promise<void> {
    return this.#delete(ozPaths.folder(folderId), opts);
  }

  getAnalysis(analysisId: string, opts?: CallOptions): Promise<Analysis> {
    return this.#read(analysisSchema, { method: 'GET', path: ozPaths.analysis(analysisId) }, opts);
  }

  deleteAnalysis(analysisId: string, opts?: CallOptions): Promise<void> {
    return this.#delete(ozPaths.analysis(analysisId), opts);
  }

  async #read<S extends z.ZodType>(schema: S, req: RawRequest, opts?: CallOptions): Promise<z.output<S>> {
    const res = await this.request({ ...req, ...callParts(opts) });
    const parsed = schema.safeParse(res.body);
    if (!parsed.success) {
      throw new OzResponseFormatError(req.path, parsed.error.issues[0]?.message ?? 'invalid body');
    }
    return parsed.data;
  }

  async #delete(path: string, opts?: CallOptions): Promise<void> {
    await this.request({ method: 'DELETE', path, ...callParts(opts) });
  }
}

function callParts(opts: CallOptions | undefined): Pick<OzRequest, 'signal' | 'timeoutMs'> {
  const parts: { signal?: AbortSignal; timeoutMs?: number } = {};
  if (opts?.signal !== undefined) parts.signal = opts.signal;
  if (opts?.timeoutMs !== undefined) parts.timeoutMs = opts.timeoutMs;
  return parts;
}
