import type { AppError } from '../../../shared/result.js';

/**
 * Errors after which trying the next person is pointless (the server is unreachable, or
 * the desk may not write): the batch stops instead of failing 10,000 persons one by one.
 */
export function stopsTheBatch(error: AppError): boolean {
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
    case 'CERTIFICATE':
    case 'NOT_SIGNED_IN':
    case 'CONFIG':
    case 'FORBIDDEN':
      return true;
    case 'OZ_API': {
      const status = (error.details as { httpStatus?: unknown } | undefined)?.httpStatus;
      return status === 401 || status === 403;
    }
    default:
      return false;
  }
}
