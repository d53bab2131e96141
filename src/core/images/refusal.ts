import { refusalReasonSchema, type RefusalReasonValue } from '../../shared/domain/enroll.js';

/** Every reason a file is refused as an enrollment photo; a closed set the UI can count and filter (defined once, in the contract). */
export type RefusalReason = RefusalReasonValue;

export const REFUSAL_REASONS: readonly RefusalReason[] = refusalReasonSchema.options;

export interface PhotoRefusal {
  readonly ok: false;
  readonly reason: RefusalReason;
  readonly message: string;
}

export const refuse = (reason: RefusalReason, message: string): PhotoRefusal => ({ ok: false, reason, message });
