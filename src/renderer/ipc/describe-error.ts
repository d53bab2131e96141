import type { AppError } from '../../shared/result.js';
import { t } from '../i18n/index.js';

function serverMessage(details: unknown): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const text = (details as { errorMessage?: unknown }).errorMessage;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

/**
 * The error in plain words for the operator. Oz's own text (`details.errorMessage`) is
 * terse and lower-case, so it is quoted and said to come from the server.
 */
export function describeError(error: AppError): string {
  const fromServer = serverMessage(error.details);
  if (fromServer === null) return error.message;
  if (error.message.trim() === fromServer) return t('errors.serverRefused', { words: fromServer });
  return t('errors.serverSaid', { message: error.message, words: fromServer });
}
