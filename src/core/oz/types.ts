// Normalised, camelCase shapes the client hands to callers (wire shapes live in schemas.ts).

export type MetaData = Readonly<Record<string, unknown>>;

export interface Page<T> {
  readonly items: readonly T[];
  /** Null when the server sends a bare array without a count. */
  readonly total: number | null;
}

export interface OzUser {
  readonly userId: string | null;
  readonly email: string | null;
  readonly userType: string | null;
  readonly companyId: string | null;
  readonly isAdmin: boolean;
}

export interface Company {
  readonly companyId: string;
  readonly name: string;
}

export interface Collection {
  readonly collectionId: string;
  readonly alias: string;
  readonly companyId: string | null;
  readonly timeCreated: number | null;
}

export interface PersonImage {
  readonly personImageId: string;
  readonly personId: string | null;
  readonly originalName: string | null;
  readonly originalUrl: string | null;
  readonly thumbUrl: string | null;
  readonly tags: readonly string[];
  readonly timeCreated: number | null;
}

export interface Person {
  readonly personId: string;
  readonly collectionId: string | null;
  readonly metaData: MetaData | null;
  readonly timeCreated: number | null;
  /** Null when the server did not embed them: read them with `listPersonImages`. */
  readonly images: readonly PersonImage[] | null;
}

export interface Media {
  readonly mediaId: string;
  readonly tags: readonly string[];
}

export interface AnalysisMatch {
  readonly personId: string | null;
  readonly confidence: number | null;
}

export interface Analysis {
  readonly analysisId: string;
  readonly folderId: string | null;
  readonly type: string;
  readonly state: string | null;
  readonly resolution: string | null;
  readonly collectionId: string | null;
  readonly confidence: number | null;
  readonly resultsMedia: readonly AnalysisMatch[];
  readonly timeCreated: number | null;
}

export interface Folder {
  readonly folderId: string;
  readonly timeCreated: number | null;
  readonly metaData: MetaData | null;
  readonly media: readonly Media[];
  /** Null when the server did not embed analyses. */
  readonly analyses: readonly Analysis[] | null;
}

export interface PhotoUpload {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mimeType: string;
  readonly tags: readonly string[];
}
