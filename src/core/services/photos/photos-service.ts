import type { PhotoUploadInput, PreparedPhoto } from '../../../shared/domain/persons.js';
import { defaultTagsFor } from '../../../shared/domain/tags.js';
import type { PhotoProcessor } from '../../images/photo-processor.js';
import type { OzClient } from '../../oz/index.js';
import type { DeskCache } from '../cache/desk-cache.js';
import type { EnrolledPhotos } from '../enroll/enrolled-photos.js';
import { hashOfUploadName } from '../enroll/enrollment-sink.js';
import { decodeBase64, prepareUploads } from './prepare-uploads.js';

export interface PhotosServiceDeps {
  readonly client: () => OzClient;
  readonly cache: DeskCache;
  readonly photos: PhotoProcessor;
  /** The desk's record of enrolled photos, trimmed when a photo is deleted (so it can be enrolled again). */
  readonly enrolled: Pick<EnrolledPhotos, 'forget'>;
}

/** Photo checks before upload, adding photos to a person and deleting one. */
export class PhotosService {
  constructor(private readonly deps: PhotosServiceDeps) {}

  /** The pipeline's verdict on one file: the size the server will get and the tags that fit it. */
  async prepare(base64: string): Promise<PreparedPhoto> {
    const result = await this.deps.photos.process({ bytes: decodeBase64(base64) });
    if (!result.ok) return { ok: false, reason: result.reason, message: result.message };
    return {
      ok: true,
      width: result.width,
      height: result.height,
      suggestedTags: defaultTagsFor({ width: result.width, height: result.height, source: 'file' }),
      notes: result.notes,
    };
  }

  async add(collectionId: string, personId: string, inputs: readonly PhotoUploadInput[]): Promise<number> {
    const uploads = await prepareUploads(this.deps.photos, inputs);
    const added = await this.deps.client().addPersonImages(collectionId, personId, uploads);
    this.#adjustCount(collectionId, personId, added.length);
    return added.length;
  }

  async delete(collectionId: string, personId: string, personImageId: string): Promise<void> {
    const client = this.deps.client();
    // The desk names uploads by their hash: read it before the photo is gone.
    const image = (await client.listPersonImages(collectionId, personId)).find((i) => i.personImageId === personImageId);
    await client.deletePersonImage(collectionId, personId, personImageId);
    const sha256 = hashOfUploadName(image?.originalName ?? null);
    if (sha256 !== null) this.deps.enrolled.forget(collectionId, sha256);
    this.#adjustCount(collectionId, personId, -1);
  }

  #adjustCount(collectionId: string, personId: string, delta: number): void {
    this.deps.cache.personPhotos.forget(collectionId, personId);
    const cached = this.deps.cache.person(collectionId, personId);
    if (cached !== null) this.deps.cache.upsertPerson({ ...cached, photoCount: Math.max(0, cached.photoCount + delta) });
  }
}
