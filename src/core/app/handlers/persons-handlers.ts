import { auditPersonDeletion } from '../../audit/index.js';
import type { HandlerTable } from '../../ipc/handler-table.js';
import { sharedCache } from '../../services/cache/shared-cache.js';
import { EnrolledPhotos } from '../../services/enroll/enrolled-photos.js';
import { PersonsService } from '../../services/persons/persons-service.js';
import type { AppContext } from '../create-app.js';

type PersonsChannels = 'persons:list' | 'persons:search' | 'persons:thumbnails' | 'persons:get' | 'persons:delete';

export const personsHandlers = (ctx: AppContext): Pick<HandlerTable, PersonsChannels> => {
  const service = sharedCache(ctx.db, ctx.options.secretStore).then(
    (cache) =>
      new PersonsService({
        client: () => ctx.session.requireClient(),
        cache,
        photos: ctx.photos,
        onIndexProgress: (progress) => ctx.options.emit('persons:indexProgress', progress),
        enrolled: new EnrolledPhotos(ctx.db, () => ctx.session.lastScope()),
      }),
  );
  // Thumbnails belong to whoever is signed in; drop them when that changes.
  ctx.session.onChange(() => void service.then((s) => s.forgetThumbnails()));

  return {
    'persons:list': async ({ collectionId, offset, limit }) => (await service).list(collectionId, offset, limit),
    'persons:search': async ({ collectionId, text, limit }) => (await service).search(collectionId, text, limit),
    'persons:thumbnails': async ({ collectionId, personIds }) => (await service).thumbnails(collectionId, personIds),
    'persons:get': async ({ collectionId, personId }) => (await service).get(collectionId, personId),
    'persons:delete': async ({ collectionId, personId, confirmDeleteAnalyses }) =>
      auditPersonDeletion(ctx.audit, { collectionId, personId }, async () => (await service).delete(collectionId, personId, confirmDeleteAnalyses)),
  };
};
