import { randomUUID } from 'node:crypto';
import type { UploadedImage } from '../http/multipart-upload.js';
import { extensionOf, type ImageMime } from '../media/image-format.js';
import type { BlobStore } from './blob-store.js';
import type { Page } from './collections-repo.js';
import { fromJsonText, nowSeconds, toJsonText, type SandboxDb } from './database.js';

export interface FolderRow {
  readonly folder_id: string;
  readonly company_id: string | null;
  readonly user_id: string;
  readonly meta_data: string;
  readonly time_created: number;
  readonly time_updated: number;
}

export interface MediaRow {
  readonly media_id: string;
  readonly folder_id: string;
  readonly original_name: string;
  readonly mime: ImageMime;
  readonly tags: string;
  readonly sha256: string;
  readonly dhash: string;
  readonly time_created: number;
  readonly time_updated: number;
}

export const mediaKey = (mediaId: string): string => `media/${mediaId}`;
export const mediaThumbKey = (mediaId: string): string => `mediathumbs/${mediaId}`;

export function mediaJson(row: MediaRow, baseUrl: string): Record<string, unknown> {
  const base = `${baseUrl}/static/media/${row.media_id}`;
  return {
    media_id: row.media_id,
    folder_id: row.folder_id,
    media_type: 'IMAGE_FOLDER',
    original_name: row.original_name,
    original_url: `${base}.${extensionOf(row.mime)}`,
    thumb_url: `${base}_thumb.jpg`,
    tags: fromJsonText(row.tags),
    time_created: row.time_created,
    time_updated: row.time_updated,
  };
}

// INITIAL until the first analysis, PROCESSING while one runs, then FINISHED.
function folderStatus(analysisStates: readonly string[]): string {
  if (analysisStates.length === 0) return 'INITIAL';
  return analysisStates.includes('PROCESSING') ? 'PROCESSING' : 'FINISHED';
}

export function folderJson(
  row: FolderRow,
  media: readonly MediaRow[],
  analysisStates: readonly string[],
  baseUrl: string,
): Record<string, unknown> {
  return {
    folder_id: row.folder_id,
    company_id: row.company_id,
    user_id: row.user_id,
    meta_data: fromJsonText(row.meta_data),
    media: media.map((m) => mediaJson(m, baseUrl)),
    resolution_status: folderStatus(analysisStates),
    time_created: row.time_created,
    time_updated: row.time_updated,
  };
}

export interface FolderFilter {
  readonly companyId: string | null;
  readonly analysisTypes: readonly string[] | null;
}

export class FoldersRepo {
  constructor(
    private readonly db: SandboxDb,
    private readonly blobs: BlobStore,
  ) {}

  create(companyId: string | null, userId: string, metaData: unknown, images: readonly UploadedImage[]): FolderRow {
    const folderId = randomUUID();
    const now = nowSeconds();
    const ids = images.map(() => randomUUID());
    images.forEach((image, index) => {
      const id = ids[index] ?? '';
      this.blobs.put(mediaKey(id), image.bytes);
      this.blobs.put(mediaThumbKey(id), image.thumb);
    });
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO folders (folder_id, company_id, user_id, meta_data, time_created, time_updated)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(folderId, companyId, userId, toJsonText(metaData), now, now);
        const insert = this.db.prepare(
          `INSERT INTO folder_media (media_id, folder_id, original_name, mime, tags, sha256, dhash, time_created,
             time_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        images.forEach((image, index) => {
          insert.run(ids[index], folderId, image.originalName, image.mime, JSON.stringify(image.tags), image.sha256, image.dhash, now, now);
        });
      })();
    } catch (error) {
      for (const id of ids) {
        this.blobs.remove(mediaKey(id));
        this.blobs.remove(mediaThumbKey(id));
      }
      throw error;
    }
    const row = this.get(folderId);
    if (row === null) throw new Error('folder vanished after insert');
    return row;
  }

  get(folderId: string): FolderRow | null {
    const row = this.db.prepare('SELECT * FROM folders WHERE folder_id = ?').get(folderId) as FolderRow | undefined;
    return row ?? null;
  }

  media(folderId: string): readonly MediaRow[] {
    return this.db.prepare('SELECT * FROM folder_media WHERE folder_id = ? ORDER BY seq').all(folderId) as MediaRow[];
  }

  mediaItem(mediaId: string): MediaRow | null {
    const row = this.db.prepare('SELECT * FROM folder_media WHERE media_id = ?').get(mediaId) as MediaRow | undefined;
    return row ?? null;
  }

  list(filter: FolderFilter, limit: number, offset: number): Page<FolderRow> {
    const types = filter.analysisTypes === null ? null : JSON.stringify(filter.analysisTypes);
    const where = `WHERE (? IS NULL OR f.company_id = ?)
      AND (? IS NULL OR EXISTS (SELECT 1 FROM analyses a WHERE a.folder_id = f.folder_id
        AND a.type IN (SELECT value FROM json_each(?))))`;
    const args = [filter.companyId, filter.companyId, types, types];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM folders f ${where}`).get(...args) as { n: number }).n;
    const items = this.db
      .prepare(`SELECT f.* FROM folders f ${where} ORDER BY f.seq LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as FolderRow[];
    return { items, total };
  }

  /** The folder, its media (bytes too) and, by cascade, its analyses. */
  delete(folderId: string): void {
    const media = this.media(folderId);
    this.db.prepare('DELETE FROM folders WHERE folder_id = ?').run(folderId);
    for (const m of media) {
      this.blobs.remove(mediaKey(m.media_id));
      this.blobs.remove(mediaThumbKey(m.media_id));
    }
  }

  touch(folderId: string): void {
    this.db.prepare('UPDATE folders SET time_updated = ? WHERE folder_id = ?').run(nowSeconds(), folderId);
  }
}
