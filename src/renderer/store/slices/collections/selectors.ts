import type { DeletionJobView } from '../../../../shared/domain/collections.js';
import type { CollectionsState } from './state.js';

export const selectCollectionsView = (s: CollectionsState) => s.collectionsView;
export const selectCollections = (s: CollectionsState) => s.collections;
export const selectCollectionsFreshness = (s: CollectionsState) => s.collectionsFreshness;
/** Actions that need the server are disabled while the list comes from the cache. */
export const selectOffline = (s: CollectionsState): boolean => s.collectionsFreshness?.offline === true;

export const selectDeletionJobs = (s: CollectionsState): Readonly<Record<string, DeletionJobView>> => s.deletionJobs;

export const selectCollectionAlias = (collectionId: string) => (s: CollectionsState): string =>
  s.collections.find((c) => c.collectionId === collectionId)?.alias ?? collectionId;
