import { auditCollectionDeletions, withAudit } from '../../audit/index.js';
import type { HandlerTable } from '../../ipc/handler-table.js';
import { sharedCache } from '../../services/cache/shared-cache.js';
import { CollectionDeletions } from '../../services/collections/collection-deletions.js';
import { CollectionsService } from '../../services/collections/collections-service.js';
import { SqliteDeletionJobStore } from '../../services/deletion-jobs/sqlite-deletion-job-store.js';
import { EnrolledPhotos } from '../../services/enroll/enrolled-photos.js';
import type { AppContext } from '../create-app.js';

type CollectionsChannels =
  | 'companies:search'
  | 'companies:remembered'
  | 'collections:list'
  | 'collections:create'
  | 'collections:deletionPreview'
  | 'collections:delete'
  | 'collections:deletionJobs'
  | 'collections:resumeDeletion';

export const collectionsHandlers = (ctx: AppContext): Pick<HandlerTable, CollectionsChannels> => {
  const client = () => ctx.session.requireClient();
  const auditDeletion = auditCollectionDeletions(ctx.audit);
  const services = sharedCache(ctx.db, ctx.options.secretStore).then((cache) => ({
    collections: new CollectionsService({ client, cache }),
    deletions: new CollectionDeletions({
      client,
      cache,
      store: new SqliteDeletionJobStore(ctx.db, Date.now, () => ctx.session.lastScope()),
      enrolled: new EnrolledPhotos(ctx.db, () => ctx.session.lastScope()),
      onProgress: (job) => {
        auditDeletion(job);
        ctx.options.emit('collections:deletionProgress', job);
      },
    }),
  }));
  // Unfinished deletions continue whenever someone is signed in, including right after a restart.
  ctx.session.onChange((status) => {
    // Jobs belong to the server they were started on: stop them all before resuming the new server's.
    void services.then(({ deletions }) => {
      deletions.stopAll();
      if (status.state === 'signedIn') deletions.resumeAll();
    });
  });
  ctx.onDispose(async () => (await services).deletions.stopAll());

  return {
    'companies:search': async ({ text }) => (await services).collections.searchCompanies(text),
    'companies:remembered': async () => (await services).collections.rememberedCompany(),
    'collections:list': async () => (await services).collections.list(),
    'collections:create': async (input) =>
      withAudit(ctx.audit, { action: 'collectionCreated' }, async () => (await services).collections.create(input), (c) => ({
        targets: { collectionId: c.collectionId },
      })),
    'collections:deletionPreview': async ({ collectionId }) => (await services).collections.preview(collectionId),
    'collections:delete': async ({ collectionId, confirmAlias }) => {
      const { collections, deletions } = await services;
      const alias = await collections.checkAlias(collectionId, confirmAlias);
      return deletions.start(collectionId, alias);
    },
    'collections:deletionJobs': async () => (await services).deletions.list(),
    'collections:resumeDeletion': async ({ jobId }) => (await services).deletions.resume(jobId),
  };
};
