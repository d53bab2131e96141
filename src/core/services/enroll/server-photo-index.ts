import type { CallOptions, OzClient, Person } from '../../oz/index.js';
import { PersonPhotos } from '../cache/person-photos.js';
import { hashOfUploadName } from './enrollment-sink.js';

/** Photo hash → person, for the photos of one collection already on the server. */
export type ServerPhotoIndex = ReadonlyMap<string, string>;

/**
 * Lists the collection's persons and reads back the hashes the desk gave their photos as
 * file names. Catches what the desk's own table cannot: an enrollment that reached the
 * server just before the desk crashed, or one made from another desk.
 */
export async function indexServerPhotos(client: OzClient, collectionId: string, opts: CallOptions = {}): Promise<ServerPhotoIndex> {
  const index = new Map<string, string>();
  const reader = new PersonPhotos();
  let page: Person[] = [];
  const readPage = async (): Promise<void> => {
    // Fresh reads: a photo enrolled a moment ago from another desk must count.
    const photos = await reader.ofAll(client, collectionId, page, { fresh: true, signal: opts.signal });
    for (const [personId, images] of photos) {
      for (const image of images) {
        const sha = hashOfUploadName(image.originalName);
        if (sha !== null) index.set(sha, personId);
      }
    }
    page = [];
  };
  for await (const person of client.iteratePersons(collectionId, { ...opts, pageSize: 200 })) {
    page.push(person);
    if (page.length >= 200) await readPage();
  }
  await readPage();
  return index;
}
