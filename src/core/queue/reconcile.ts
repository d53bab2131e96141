import { createHash } from 'node:crypto';
import { OzApiError, OzNetworkError, OzTimeoutError, type OzClient, type Person, type PersonImage } from '../oz/index.js';
import { walkPages } from '../oz/paging.js';

const PAGE_SIZE = 100;
const READ_ATTEMPTS = 4;
const READ_RETRY_MS = 250;

/** The file name sent for a queued photo, so the server's `original_name` identifies it. */
export const uploadName = (sha256: string): string => `${sha256}.jpg`;

export function enrollmentIdOf(metaData: Readonly<Record<string, unknown>> | null): string | null {
  const enrollment = metaData?.['enrollment'];
  if (typeof enrollment !== 'object' || enrollment === null) return null;
  const id = (enrollment as Record<string, unknown>)['id'];
  return typeof id === 'string' ? id : null;
}

/**
 * Every person a possibly-applied create made, by the enrollment UUID in its meta_data,
 * oldest first. More than one means a create the desk thought lost landed after all.
 */
export async function findPersonsByEnrollmentId(client: OzClient, collectionId: string, enrollmentId: string): Promise<Person[]> {
  const pages = walkPages((limit, offset) => readWithRetry(() => client.listPersons(collectionId, { limit, offset })), {
    pageSize: PAGE_SIZE,
    idOf: (p) => p.personId,
  });
  const hits: Person[] = [];
  for await (const page of pages) hits.push(...page.fresh.filter((p) => enrollmentIdOf(p.metaData) === enrollmentId));
  // The list order is the server's to choose; the creation time, where it is given, is not.
  return hits.map((p, i) => ({ p, i })).sort((a, b) => (a.p.timeCreated ?? 0) - (b.p.timeCreated ?? 0) || a.i - b.i).map(({ p }) => p);
}

/** The first person a possibly-applied create made, by the enrollment UUID in its meta_data. */
export async function findPersonByEnrollmentId(client: OzClient, collectionId: string, enrollmentId: string): Promise<Person | null> {
  return (await findPersonsByEnrollmentId(client, collectionId, enrollmentId))[0] ?? null;
}

/** What a person holds of the wanted photos: one image id per photo, and any second copies. */
export interface PresentPhotos {
  readonly present: ReadonlyMap<string, string>;
  /** Image ids of further copies of a wanted photo (an add the desk thought lost that landed). */
  readonly extraCopies: readonly string[];
}

/**
 * Which of the wanted photos (by SHA-256) the person already has on the server, with
 * their image ids. Matches `original_name`; when the server does not keep names, hashes
 * the stored originals (which only matches servers that keep the bytes as sent).
 */
export async function findPresentPhotos(
  client: OzClient,
  collectionId: string,
  personId: string,
  wanted: ReadonlySet<string>,
): Promise<PresentPhotos> {
  const images = await readWithRetry(() => client.listPersonImages(collectionId, personId));
  const present = new Map<string, string>();
  const extraCopies: string[] = [];
  const take = (sha: string, image: PersonImage): void => {
    if (present.has(sha)) extraCopies.push(image.personImageId);
    else present.set(sha, image.personImageId);
  };
  const unnamed: PersonImage[] = [];
  for (const image of images) {
    const sha = shaFromName(image.originalName);
    if (sha !== null && wanted.has(sha)) take(sha, image);
    else if (sha === null && image.originalUrl !== null) unnamed.push(image);
  }
  for (const image of unnamed) {
    const { bytes } = await readWithRetry(() => client.fetchImageBytes(image.originalUrl as string));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (wanted.has(sha)) take(sha, image);
  }
  return { present, extraCopies };
}

function shaFromName(name: string | null): string | null {
  const m = name === null ? null : /^([0-9a-f]{64})\.jpe?g$/i.exec(name);
  return m?.[1]?.toLowerCase() ?? null;
}

/** Reads are idempotent: retry a transient failure a few times before giving up the attempt. */
export async function readWithRetry<T>(read: () => Promise<T>, sleep: (ms: number) => Promise<void> = delay): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (err) {
      if (attempt >= READ_ATTEMPTS || !isTransient(err)) throw err;
      await sleep(READ_RETRY_MS * attempt);
    }
  }
}

function isTransient(err: unknown): boolean {
  if (err instanceof OzApiError) return err.httpStatus >= 500;
  return err instanceof OzNetworkError || err instanceof OzTimeoutError;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
