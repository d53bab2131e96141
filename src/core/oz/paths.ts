// The one path table. Forms follow the seed documentation: a trailing slash on the
// collection, person-list, image and folder-list routes; none on a single person
// (GET and DELETE, as the seed writes them), folder or analysis. A server that differs
// only needs this file changed.
const seg = (id: string): string => encodeURIComponent(id);

export const ozPaths = {
  login: () => '/api/authorize/auth',
  refresh: () => '/api/authorize/refresh',
  companies: () => '/api/companies/',
  collections: () => '/api/collections/',
  collection: (collectionId: string) => `/api/collections/${seg(collectionId)}/`,
  persons: (collectionId: string) => `/api/collections/${seg(collectionId)}/persons/`,
  person: (collectionId: string, personId: string) =>
    `/api/collections/${seg(collectionId)}/persons/${seg(personId)}`,
  personImages: (collectionId: string, personId: string) =>
    `/api/collections/${seg(collectionId)}/persons/${seg(personId)}/images/`,
  personImage: (collectionId: string, personId: string, imageId: string) =>
    `/api/collections/${seg(collectionId)}/persons/${seg(personId)}/images/${seg(imageId)}/`,
  folders: () => '/api/folders/',
  folder: (folderId: string) => `/api/folders/${seg(folderId)}`,
  folderAnalyses: (folderId: string) => `/api/folders/${seg(folderId)}/analyses/`,
  analysis: (analysisId: string) => `/api/analyses/${seg(analysisId)}`,
} as const;
