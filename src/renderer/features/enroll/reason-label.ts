import type { PhotoReportView } from '../../../shared/domain/enroll.js';
import { t } from '../../i18n/index.js';

/** A short name for why a photo is not used (enroll.reason.*); the pipeline's message gives the detail. */
export function reasonLabel(reason: PhotoReportView['reason']): string {
  return t(`enroll.reason.${reason ?? 'not_used'}`);
}
