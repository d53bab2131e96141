import { OzError, OzErrorCode, type OzErrorCodeValue } from './errors.js';

// Where Oz's documentation is silent the sandbox answers one way ("default", our choices)
// or another way the documentation also allows ("strict"), so clients are tried on both.
export const sandboxProfileNames = ['default', 'strict'] as const;
export type SandboxProfileName = (typeof sandboxProfileNames)[number];

interface Refusal {
  readonly httpStatus: number;
  readonly code: OzErrorCodeValue;
  readonly personReferenced: string;
  readonly collectionNotEmpty: string;
  readonly withDetails: boolean;
}

export interface SandboxProfile {
  readonly name: SandboxProfileName;
  /** Persons (created, read, listed) carry their `images`. */
  readonly embedPersonImages: boolean;
  /** Collections carry `persons_count`. */
  readonly personsCount: boolean;
  /** Lists are `{items, total}`; otherwise `{items}` (person images: a bare array). */
  readonly listTotals: boolean;
  /** Media URLs name a second listener that serves files without a token. */
  readonly separateMediaOrigin: boolean;
  /** `GET /api/folders/{id}` embeds analyses even without `with_analyses=true`. */
  readonly folderEmbedsAnalyses: boolean;
  /** `DELETE /api/folders/{id}` exists (Oz documents none); otherwise 405. */
  readonly folderDeletion: boolean;
  /** How long a COLLECTION analysis stays PROCESSING unless `analysisDelayMs` says otherwise. */
  readonly analysisDelayMs: number;
  readonly refusal: Refusal;
}

const profiles: Readonly<Record<SandboxProfileName, SandboxProfile>> = {
  default: {
    name: 'default',
    embedPersonImages: true,
    personsCount: true,
    listTotals: true,
    separateMediaOrigin: false,
    folderEmbedsAnalyses: true,
    folderDeletion: true,
    analysisDelayMs: 0,
    refusal: {
      httpStatus: 400,
      code: OzErrorCode.invalidValue,
      personReferenced: 'person has related analyses',
      collectionNotEmpty: 'collection is not empty',
      withDetails: true,
    },
  },
  strict: {
    name: 'strict',
    embedPersonImages: false,
    personsCount: false,
    listTotals: false,
    separateMediaOrigin: true,
    folderEmbedsAnalyses: false,
    folderDeletion: false,
    analysisDelayMs: 300,
    refusal: {
      httpStatus: 409,
      code: OzErrorCode.unknown,
      personReferenced: 'Cannot delete some instances of model Person because they are referenced through protected foreign keys',
      collectionNotEmpty: 'Cannot delete some instances of model Collection because they are referenced through protected foreign keys',
      withDetails: false,
    },
  },
};

export function sandboxProfile(name: string = 'default'): SandboxProfile {
  if (!(sandboxProfileNames as readonly string[]).includes(name)) {
    throw new RangeError(`sandbox profile must be one of ${sandboxProfileNames.join(', ')} (got "${name}")`);
  }
  return profiles[name as SandboxProfileName];
}

/** The refusal of a delete that something still depends on, in the profile's words. */
export function refusal(profile: SandboxProfile, what: 'personReferenced' | 'collectionNotEmpty', details: unknown): OzError {
  const r = profile.refusal;
  return new OzError(r.code, r[what], r.withDetails ? details : null, r.httpStatus);
}

/** A list body: with or without `total`. */
export function listBody(profile: SandboxProfile, items: readonly unknown[], total: number): Record<string, unknown> {
  return profile.listTotals ? { items, total } : { items };
}
