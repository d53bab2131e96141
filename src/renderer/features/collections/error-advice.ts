import type { AppError } from '../../../shared/result.js';
import { assertNever } from '../../../shared/result.js';
import { describeError } from '../../ipc/describe-error.js';

/** What an Oz `error_code` means, in plain words, and what the operator can do next. */
const OZ_ADVICE: Readonly<Record<number, { readonly meaning: string; readonly next: string }>> = {
  0: { meaning: 'The Oz server had an unexpected problem.', next: 'Try again in a minute; if it keeps happening, tell IT the time it happened.' },
  1: { meaning: 'The Oz server does not allow this action here.', next: 'Tell IT: the desk and the server versions may not match.' },
  2: { meaning: 'The Oz server does not support this action yet.', next: 'Tell IT: this server version lacks the feature.' },
  3: { meaning: 'The Oz server found the request incomplete.', next: 'Check that every required field is filled in, then try again.' },
  4: { meaning: 'The Oz server refused a value in the request.', next: 'Check the details below, correct the value and try again.' },
  5: { meaning: 'The Oz server found a value of the wrong kind.', next: 'Check the entered values (numbers, dates, files) and try again.' },
  6: { meaning: 'The Oz server did not receive your sign-in.', next: 'Sign out and sign in again.' },
  7: { meaning: 'Your sign-in is no longer valid on the Oz server.', next: 'Sign out and sign in again.' },
  8: { meaning: 'Your sign-in has expired.', next: 'Sign out and sign in again.' },
  9: { meaning: 'Your account may not do this.', next: 'Ask an administrator for the permission, or for another account.' },
  10: { meaning: 'It no longer exists on the Oz server (someone may have deleted it).', next: 'Refresh the list to see the current state.' },
  11: { meaning: 'A service behind the Oz server (e.g. face matching) failed.', next: 'Try again later; if it persists, tell IT.' },
};

function ozCode(error: AppError): number | null {
  const details = error.details as { errorCode?: unknown } | undefined;
  return typeof details?.errorCode === 'number' ? details.errorCode : null;
}

/** A conflict says what is true: a photo still enrolled, one the server could not confirm, or a concurrent change. */
function conflictNext(error: AppError): string {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  if (reason === 'already_enrolled') return 'Open that person to add or remove photos, or delete the person to enroll them again.';
  if (reason === 'already_enrolled_unconfirmed') return 'Try again once the desk is online: the server is asked whether the photo is still enrolled.';
  return 'Someone changed it at the same time; refresh and try again.';
}

export interface ErrorAdvice {
  /** What happened, including the server's own words when it sent any. */
  readonly text: string;
  readonly next: string;
  /** `Oz error 4` and the like, for IT. */
  readonly code: string | null;
}

/** One failure in plain words with the next step for the operator. */
export function adviceFor(error: AppError): ErrorAdvice {
  const text = describeError(error);
  switch (error.code) {
    case 'OZ_API': {
      const code = ozCode(error);
      const advice = code === null ? undefined : OZ_ADVICE[code];
      return advice === undefined
        ? { text, next: 'Try again; if it keeps failing, tell IT what the message says.', code: code === null ? null : `Oz error ${code}` }
        : { text: `${advice.meaning} ${text}`, next: advice.next, code: `Oz error ${code}` };
    }
    case 'NETWORK':
      return { text, next: 'Check the network cable or Wi-Fi; the desk shows the last data it saw until the server is back.', code: null };
    case 'TIMEOUT':
      return { text, next: 'The server is slow or unreachable; try again in a moment.', code: null };
    case 'CERTIFICATE':
      return { text, next: 'Tell IT: this desk does not trust the server’s certificate (root CA missing, certificate expired or for another name).', code: null };
    case 'NOT_SIGNED_IN':
      return { text, next: 'Sign in again.', code: null };
    case 'BAD_INPUT':
      return { text, next: 'Correct the highlighted entry and try again.', code: null };
    case 'FORBIDDEN':
      return { text, next: 'Ask an administrator for the permission.', code: null };
    case 'NOT_FOUND':
      return { text, next: 'Refresh the list to see the current state.', code: null };
    case 'CONFLICT':
      return { text, next: conflictNext(error), code: null };
    case 'CONFIG':
      return { text, next: 'Tell IT: the desk is not set up for this.', code: null };
    case 'UNKNOWN_CHANNEL':
    case 'INTERNAL':
      return { text, next: 'Try again; if it keeps failing, restart the app and tell IT.', code: null };
    default:
      return assertNever(error.code);
  }
}
