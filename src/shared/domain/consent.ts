import { z } from 'zod';

/** The consent text version a desk uses until IT configures another one. */
export const DEFAULT_CONSENT_TEXT_VERSION = '2026-01';

/** Read aloud or shown to the person before enrollment; IT may replace it together with its version. */
export const DEFAULT_CONSENT_TEXT =
  'The person was informed that their name and face photos will be stored in the bank\u2019s Oz face collection ' +
  'to recognise them at branches, and agreed to it. They may ask for their data to be deleted at any time.';

export const consentTextVersionSchema = z.string().trim().min(1).max(32);

/** The wording the operator confirms, with its version (what enrollments record). */
export interface ConsentTerms {
  readonly version: string;
  readonly text: string;
}

/** The operator's confirmation as it crosses the contract; the desk stamps the time itself. */
export const consentConfirmationSchema = z
  .object({
    confirmed: z.boolean(),
    textVersion: consentTextVersionSchema,
  })
  .strict();
export type ConsentConfirmation = z.infer<typeof consentConfirmationSchema>;

/** What `person:meta_data.enrollment.consent` holds. */
export interface ConsentRecord {
  readonly confirmed: true;
  readonly text_version: string;
  readonly confirmed_at: string;
}

export function consentTermsOf(settings: { readonly consentTextVersion?: string | undefined; readonly consentText?: string | undefined }): ConsentTerms {
  return {
    version: settings.consentTextVersion ?? DEFAULT_CONSENT_TEXT_VERSION,
    text: settings.consentText ?? DEFAULT_CONSENT_TEXT,
  };
}

/**
 * Why a confirmation cannot be accepted, or null. The version must match the desk's current
 * one, so a screen showing an outdated text cannot record consent to the new one.
 */
export function consentProblem(confirmation: ConsentConfirmation | undefined, terms: ConsentTerms): string | null {
  if (!confirmation?.confirmed) {
    return 'Consent is required: confirm that the person agreed to the consent text before enrolling.';
  }
  if (confirmation.textVersion !== terms.version) {
    return `The consent text changed (now version ${terms.version}, confirmed ${confirmation.textVersion}): show the current text and confirm again.`;
  }
  return null;
}
