import type { CallOptions, OzClient } from '../../oz/index.js';
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
  for await (const person of client.iteratePersons(collectionId, { ...opts, pageSize: 200 })) {
    for (const image of person.images) {
      const sha = hashOfUploadName(image.originalName);
      if (sha !== null) index.set(sha, person.personId);
    }
  }
  return index;
}
