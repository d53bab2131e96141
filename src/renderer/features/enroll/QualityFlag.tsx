import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoReportView } from '../../../shared/domain/enroll.js';
import { codesNeedingOverride } from '../../../shared/domain/quality-acceptance.js';

interface QualityFlagProps {
  readonly photo: PhotoReportView;
  /** Undefined while "Accept anyway" is not ticked. */
  readonly note: string | undefined;
  readonly keepLargest: boolean;
  readonly locked: boolean;
  readonly onToggleAccept: () => void;
  readonly onNote: (note: string) => void;
  readonly onToggleKeepLargest: () => void;
}

/**
 * One photo the face-quality checks flagged: its reasons, and the operator's ways to use it
 * anyway: crop a group photo to its largest face, or accept it with a note (kept with the
 * enrollment and in the audit log, so no names in it).
 */
export function QualityFlag({ photo, note, keepLargest, locked, onToggleAccept, onNote, onToggleKeepLargest }: QualityFlagProps) {
  const issues = photo.quality?.issues ?? [];
  const several = issues.some((i) => i.code === 'several_faces');
  const stillNeeded = codesNeedingOverride(photo.quality, keepLargest).length > 0;
  // Paths hold spaces, which would split an aria-describedby list: React's id instead.
  const noteId = useId();
  const { t } = useTranslation();
  const file = photo.fileName;
  const cleared = !stillNeeded || (note?.trim().length ?? 0) >= 3;
  return (
    <li className={cleared ? 'quality-flag quality-flag--cleared' : 'quality-flag'}>
      <span className="issue__file">{photo.fileName}</span>: {cleared ? t('enroll.quality.willEnroll') : t('enroll.quality.notEnrolled')}
      <ul className="quality-flag__reasons" aria-label={t('enroll.quality.reasonsFor', { file })}>
        {issues.map((i) => (
          <li key={i.code}>{i.message}</li>
        ))}
      </ul>
      <div className="quality-flag__choices">
        {several && (
          <label className="quality-flag__choice">
            <input type="checkbox" checked={keepLargest} disabled={locked} onChange={onToggleKeepLargest} /> {t('enroll.quality.keepLargest', { file })}
          </label>
        )}
        {stillNeeded && (
          <label className="quality-flag__choice">
            <input type="checkbox" checked={note !== undefined} disabled={locked} onChange={onToggleAccept} /> {t('enroll.quality.acceptAnyway', { file })}
          </label>
        )}
      </div>
      {stillNeeded && note !== undefined && (
        <div className="quality-flag__note">
          <label htmlFor={noteId}>{t('enroll.quality.why', { file })}</label>
          <input
            id={noteId}
            type="text"
            value={note}
            maxLength={500}
            disabled={locked}
            aria-describedby={`${noteId}-hint`}
            aria-invalid={note.trim().length < 3}
            onChange={(e) => onNote(e.target.value)}
          />
          <span id={`${noteId}-hint`} className="quality-flag__hint">
            {t('enroll.quality.noteHint')}
          </span>
        </div>
      )}
    </li>
  );
}
