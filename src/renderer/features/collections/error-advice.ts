import type { AppError } from '../../../shared/result.js';
import { assertNever } from '../../../shared/result.js';
import { t } from '../../i18n/index.js';
import { describeError } from '../../ipc/describe-error.js';

/** Oz `error_code`s with a plain-words meaning and next step in the catalogue (errors.oz.N). */
const KNOWN_OZ_CODES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

function ozCode(error: AppError): number | null {
  const details = error.details as { errorCode?: unknown } | undefined;
  return typeof details?.errorCode === 'number' ? details.errorCode : null;
}

/** A conflict says what is true: a photo still enrolled, one the server could not confirm, or a concurrent change. */
function conflictNext(error: AppError): string {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  if (reason === 'already_enrolled') return t('errors.next.alreadyEnrolled');
  if (reason === 'already_enrolled_unconfirmed') return t('errors.next.alreadyEnrolledUnconfirmed');
  return t('errors.next.conflict');
}

export interface ErrorAdvice {
  /** What happened, including the server's own words when it sent any. */
  readonly text: string;
  readonly next: string;
  /** "Server code 4" and the like, for IT. */
  readonly code: string | null;
}

const plain = (error: AppError, next: string): ErrorAdvice => ({ text: describeError(error), next: t(`errors.next.${next}`), code: null });

/** One failure in plain words with the next step for the operator. */
export function adviceFor(error: AppError): ErrorAdvice {
  switch (error.code) {
    case 'OZ_API': {
      const code = ozCode(error);
      const label = code === null ? null : t('errors.serverCode', { code });
      if (code === null || !KNOWN_OZ_CODES.has(code)) return { text: describeError(error), next: t('errors.next.tellIt'), code: label };
      return { text: `${t(`errors.oz.${code}.meaning`)} ${describeError(error)}`, next: t(`errors.oz.${code}.next`), code: label };
    }
    case 'NETWORK':
      return plain(error, 'network');
    case 'TIMEOUT':
      return plain(error, 'timeout');
    case 'CERTIFICATE':
      return plain(error, 'certificate');
    case 'NOT_SIGNED_IN':
      return plain(error, 'signIn');
    case 'BAD_INPUT':
      return plain(error, 'badInput');
    case 'FORBIDDEN':
      return plain(error, 'forbidden');
    case 'NOT_FOUND':
      return plain(error, 'refresh');
    case 'CONFLICT':
      return { text: describeError(error), next: conflictNext(error), code: null };
    case 'CONFIG':
      return plain(error, 'config');
    case 'UNKNOWN_CHANNEL':
    case 'INTERNAL':
      return plain(error, 'restart');
    default:
      return assertNever(error.code);
  }
}
