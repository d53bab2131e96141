import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { OzError, OzErrorCode } from '../errors.js';
import type { SandboxContext } from '../http/context.js';
import { parseWith } from '../http/request-helpers.js';
import { findMatches } from '../media/matcher.js';
import type { NewCollectionAnalysis } from '../store/analyses-repo.js';
import type { FolderRow, MediaRow } from '../store/folders-repo.js';
import { canSeeCompany } from '../auth/access-policy.js';

const mediaIds = z.array(z.string());

const analysisRequest = z.object({
  type: z.string(),
  collection_id: z.string().optional(),
  source_media: mediaIds.optional(),
  params: z.object({ collection_id: z.string().optional(), source_media: mediaIds.optional() }).loose().optional(),
});

export const analysesBody = z.object({ analyses: z.array(analysisRequest).min(1, 'must list at least one analysis') });

// Oz analysis types this sandbox knows of but does not implement.
const otherOzTypes: ReadonlySet<string> = new Set(['biometry', 'quality', 'documents', 'blacklist']);

const isTagged = (media: MediaRow, tag: string): boolean => (JSON.parse(media.tags) as string[]).includes(tag);

// Validates every requested analysis before any is created, then matches synchronously.
export function planCollectionAnalyses(
  ctx: SandboxContext,
  me: Principal,
  folder: FolderRow,
  body: unknown,
): readonly NewCollectionAnalysis[] {
  const request = parseWith(analysesBody, body, 'body');
  const folderMedia = ctx.folders.media(folder.folder_id);
  return request.analyses.map((analysis, index) => {
    const where = `analyses.${index}`;
    if (analysis.type !== 'collection') {
      if (otherOzTypes.has(analysis.type)) {
        throw new OzError(OzErrorCode.notRealized, `analysis type "${analysis.type}" is not implemented by the sandbox`, {
          field: `${where}.type`,
        });
      }
      throw new OzError(OzErrorCode.invalidValue, `unknown analysis type "${analysis.type}"`, { field: `${where}.type` });
    }
    const collectionId = analysis.collection_id ?? analysis.params?.collection_id;
    if (collectionId === undefined) {
      throw new OzError(OzErrorCode.invalidStructure, `${where}: collection_id is missing`, {
        field: `${where}.collection_id`,
      });
    }
    const collection = ctx.collections.get(collectionId);
    if (collection === null || !canSeeCompany(me, collection.company_id)) {
      throw new OzError(OzErrorCode.invalidValue, `${where}: collection_id names no accessible collection`, {
        field: `${where}.collection_id`,
      });
    }
    const wanted = analysis.source_media ?? analysis.params?.source_media;
    const probes =
      wanted === undefined
        ? folderMedia.filter((m) => !isTagged(m, 'photo_id_back'))
        : wanted.map((id) => {
            const media = folderMedia.find((m) => m.media_id === id);
            if (media === undefined) {
              throw new OzError(OzErrorCode.invalidValue, `${where}: source_media ${id} is not in this folder`, {
                field: `${where}.source_media`,
              });
            }
            return media;
          });
    return {
      folderId: folder.folder_id,
      collectionId: collection.collection_id,
      collectionAlias: collection.alias,
      sourceMediaIds: probes.map((m) => m.media_id),
      matches: findMatches(probes, ctx.persons.imagesOfCollection(collection.collection_id)),
    };
  });
}
