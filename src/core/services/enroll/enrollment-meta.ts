import type { ConsentTerms } from '../../../shared/domain/consent.js';
import type { QualityCode } from '../../../shared/domain/quality.js';

/** A flagged photo the operator accepted: which photo (its hash), which checks, and their note. */
export interface QualityOverrideRecord {
  readonly sha256: string;
  readonly codes: readonly QualityCode[];
  readonly note: string;
}

export type EnrollmentSource = 'folder' | 'manifest' | 'webcam' | 'form';

export interface EnrollmentMetaInput {
  readonly enrollmentId: string;
  readonly name: { readonly first: string; readonly middle: string; readonly last: string };
  readonly desk: string;
  readonly operator: string;
  readonly consent: ConsentTerms;
  readonly confirmedAt: Date;
  readonly source: EnrollmentSource;
  readonly externalId?: string | undefined;
  /** Where an import found the person (folder name or manifest line), for tracing. */
  readonly sourceKey?: string | undefined;
  readonly qualityOverrides?: readonly QualityOverrideRecord[];
}

/** `person:meta_data` of a new person: who they are, and who enrolled them with which consent. */
export function enrollmentMetaData(input: EnrollmentMetaInput): Readonly<Record<string, unknown>> {
  return {
    person_info: { first_name: input.name.first, middle_name: input.name.middle, last_name: input.name.last },
    enrollment: {
      id: input.enrollmentId,
      desk: input.desk,
      operator: input.operator,
      consent: { confirmed: true, text_version: input.consent.version, confirmed_at: input.confirmedAt.toISOString() },
      ...(input.externalId === undefined ? {} : { external_id: input.externalId }),
      source: input.source,
      ...(input.sourceKey === undefined ? {} : { source_key: input.sourceKey }),
      ...(input.qualityOverrides && input.qualityOverrides.length > 0
        ? { quality_overrides: input.qualityOverrides.map((o) => ({ photo_sha256: o.sha256, codes: o.codes, note: o.note.trim() })) }
        : {}),
    },
  };
}
