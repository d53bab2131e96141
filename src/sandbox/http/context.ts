import type { TokenService } from '../auth/token-service.js';
import type { BlobStore } from '../store/blob-store.js';
import type { AnalysesRepo } from '../store/analyses-repo.js';
import type { CollectionsRepo } from '../store/collections-repo.js';
import type { FoldersRepo } from '../store/folders-repo.js';
import type { PersonsRepo } from '../store/persons-repo.js';
import type { UsersRepo } from '../store/users-repo.js';
import type { SandboxProfile } from '../profile.js';
import type { UploadLimits } from './multipart-upload.js';

// Everything a route needs; built once per running sandbox.
export interface SandboxContext {
  readonly users: UsersRepo;
  readonly collections: CollectionsRepo;
  readonly persons: PersonsRepo;
  readonly folders: FoldersRepo;
  readonly analyses: AnalysesRepo;
  readonly tokens: TokenService;
  readonly blobs: BlobStore;
  readonly limits: UploadLimits;
  readonly cascadeDeletes: boolean;
  readonly profile: SandboxProfile;
  /** Where media URLs point: the API itself, or the media listener (strict). */
  mediaBaseUrl(): string;
}
