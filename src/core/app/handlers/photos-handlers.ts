import { withAudit } from '../../audit/index.js';
import type { HandlerTable } from '../../ipc/handler-table.js';
import { sharedCache } from '../../services/cache/shared-cache.js';
import { EnrolledPhotos } from '../../services/enroll/enrolled-photos.js';
import { PhotosService } from '../../services/photos/photos-service.js';
import type { AppContext } from '../create-app.js';

type PhotosChannels = 'photos:prepare' | 'photos:add' | 'photos:delete';

export const photosHandlers = (ctx: AppContext): Pick<HandlerTable, PhotosChannels> => {
  const service = sharedCache(ctx.db, ctx.options.secretStore).then(
    (cache) => new PhotosService({ client: () => ctx.session.requireClient(), cache, photos: ctx.photos, enrolled: new EnrolledPhotos(ctx.db, () => ctx.session.lastScope()) }),
  );
  return {
    'photos:prepare': async ({ base64 }) => (await service).prepare(base64),
    'photos:add': async ({ collectionId, personId, photos }) =>
      withAudit(
        ctx.audit,
        { action: 'photoAdded', targets: { collectionId, personId } },
        async () => ({ added: await (await service).add(collectionId, personId, photos) }),
        ({ added }) => ({ counts: { photos: added } }),
      ),
    'photos:delete': async ({ collectionId, personId, personImageId }) =>
      withAudit(ctx.audit, { action: 'photoDeleted', targets: { collectionId, personId, photoId: personImageId } }, async () => {
        await (await service).delete(collectionId, personId, personImageId);
        return { deleted: true as const };
      }),
  };
};
