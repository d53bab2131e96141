import { randomUUID } from 'node:crypto';
import type { UploadedImage } from '../http/multipart-upload.js';
import { extensionOf, type ImageMime } from '../media/image-format.js';
import type { BlobStore } from './blob-store.js';
import type { Page } from './collections-repo.js';
import { fromJsonText, nowSeconds, toJsonText, type SandboxDb } from './database.js';

export interface PersonRow {
  readonly person_id: string;
  readonly collection_id: string;
  readonly meta_data: string;
  readonly time_created: number;
  readonly time_updated: number;
}

export interface PersonImageRow {
  readonly person_image_id: string;
  readonly person_id: string;
  readonly original_name: string;
  readonly mime: ImageMime;
  readonly tags: string;
  readonly sha256: string;
  readonly dhash: string;
  readonly time_created: number;
  readonly time_updated: number;
}

export const originalKey = (imageId: string): string => `originals/${imageId}`;
export const thumbKey = (imageId: string): string => `thumbs/${imageId}`;

export function personImageJson(row: PersonImageRow, baseUrl: string): Record<string, unknown> {
  const base = `${baseUrl}/static/person_images/${row.person_image_id}`;
  return {
    person_image_id: row.person_image_id,
    person_id: row.person_id,
    original_name: row.original_name,
    original_url: `${base}.${extensionOf(row.mime)}`,
    thumb_url: `${base}_thumb.jpg`,
    tags: fromJsonText(row.tags),
    media_type: 'IMAGE_FOLDER',
    time_created: row.time_created,
    time_updated: row.time_updated,
  };
}

/** A person; `images` null leaves them out (they are then read through the images route). */
export function personJson(row: PersonRow, images: readonly PersonImageRow[] | null, baseUrl: string): Record<string, unknown> {
  const json = {
    person_id: row.person_id,
    collection_id: row.collection_id,
    meta_data: fromJsonText(row.meta_data),
    time_created: row.time_created,
    time_updated: row.time_updated,
  };
  return images === null ? json : { ...json, images: images.map((image) => personImageJson(image, baseUrl)) };
}

export class PersonsRepo {
  constructor(
    private readonly db: SandboxDb,
    private readonly blobs: BlobStore,
  ) {}

  create(collectionId: string, metaData: unknown, images: readonly UploadedImage[]): PersonRow {
    const personId = randomUUID();
    const now = nowSeconds();
    this.withBlobs(images, (ids) =>
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO persons (person_id, collection_id, meta_data, time_created, time_updated) VALUES (?, ?, ?, ?, ?)`,
          )
          .run(personId, collectionId, toJsonText(metaData), now, now);
        this.insertImages(personId, images, ids, now);
      })(),
    );
    const row = this.get(personId);
    if (row === null) throw new Error('person vanished after insert');
    return row;
  }

  addImages(personId: string, images: readonly UploadedImage[]): readonly PersonImageRow[] {
    const now = nowSeconds();
    const created = this.withBlobs(images, (ids) =>
      this.db.transaction(() => {
        this.insertImages(personId, images, ids, now);
        this.db.prepare('UPDATE persons SET time_updated = ? WHERE person_id = ?').run(now, personId);
        return ids;
      })(),
    );
    return created.map((id) => this.image(id)).filter((row): row is PersonImageRow => row !== null);
  }

  get(personId: string): PersonRow | null {
    const row = this.db.prepare('SELECT * FROM persons WHERE person_id = ?').get(personId) as PersonRow | undefined;
    return row ?? null;
  }

  list(collectionId: string, limit: number, offset: number): Page<PersonRow> {
    const total = (
      this.db.prepare('SELECT COUNT(*) AS n FROM persons WHERE collection_id = ?').get(collectionId) as { n: number }
    ).n;
    const items = this.db
      .prepare('SELECT * FROM persons WHERE collection_id = ? ORDER BY seq LIMIT ? OFFSET ?')
      .all(collectionId, limit, offset) as PersonRow[];
    return { items, total };
  }

  count(collectionId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM persons WHERE collection_id = ?').get(collectionId) as { n: number })
      .n;
  }

  images(personId: string): readonly PersonImageRow[] {
    return this.db.prepare('SELECT * FROM person_images WHERE person_id = ? ORDER BY seq').all(personId) as PersonImageRow[];
  }

  imagesOfPersons(personIds: readonly string[]): ReadonlyMap<string, readonly PersonImageRow[]> {
    const byPerson = new Map<string, PersonImageRow[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return byPerson;
    const rows = this.db
      .prepare(
        `SELECT * FROM person_images WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      )
      .all(JSON.stringify(personIds)) as PersonImageRow[];
    for (const row of rows) byPerson.get(row.person_id)?.push(row);
    return byPerson;
  }

  imagesOfCollection(collectionId: string): readonly PersonImageRow[] {
    return this.db
      .prepare(
        `SELECT i.* FROM person_images i JOIN persons p ON p.person_id = i.person_id
         WHERE p.collection_id = ? ORDER BY i.seq`,
      )
      .all(collectionId) as PersonImageRow[];
  }

  image(imageId: string): PersonImageRow | null {
    const row = this.db.prepare('SELECT * FROM person_images WHERE person_image_id = ?').get(imageId) as
      | PersonImageRow
      | undefined;
    return row ?? null;
  }

  deleteImage(imageId: string, personId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM person_images WHERE person_image_id = ?').run(imageId);
      this.db.prepare('UPDATE persons SET time_updated = ? WHERE person_id = ?').run(nowSeconds(), personId);
    })();
    this.removeBlobs([imageId]);
  }

  // Rows go first (the commit point); blobs of deleted rows are then removed.
  deletePersons(personIds: readonly string[]): void {
    const imageIds = [...this.imagesOfPersons(personIds).values()].flat().map((row) => row.person_image_id);
    const remove = this.db.prepare('DELETE FROM persons WHERE person_id = ?');
    this.db.transaction(() => {
      for (const id of personIds) remove.run(id);
    })();
    this.removeBlobs(imageIds);
  }

  personIdsOf(collectionId: string): readonly string[] {
    return (
      this.db.prepare('SELECT person_id FROM persons WHERE collection_id = ? ORDER BY seq').all(collectionId) as {
        person_id: string;
      }[]
    ).map((row) => row.person_id);
  }

  private insertImages(personId: string, images: readonly UploadedImage[], ids: readonly string[], now: number): void {
    const insert = this.db.prepare(
      `INSERT INTO person_images (person_image_id, person_id, original_name, mime, tags, sha256, dhash,
         time_created, time_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    images.forEach((image, index) => {
      insert.run(ids[index], personId, image.originalName, image.mime, JSON.stringify(image.tags), image.sha256, image.dhash, now, now);
    });
  }

  // Blobs are written before the rows that name them, and removed again if the rows fail.
  private withBlobs<T>(images: readonly UploadedImage[], commit: (ids: readonly string[]) => T): T {
    const ids = images.map(() => randomUUID());
    images.forEach((image, index) => {
      const id = ids[index] ?? '';
      this.blobs.put(originalKey(id), image.bytes);
      this.blobs.put(thumbKey(id), image.thumb);
    });
    try {
      return commit(ids);
    } catch (error) {
      this.removeBlobs(ids);
      throw error;
    }
  }

  private removeBlobs(imageIds: readonly string[]): void {
    for (const id of imageIds) {
      this.blobs.remove(originalKey(id));
      this.blobs.remove(thumbKey(id));
    }
  }
}
