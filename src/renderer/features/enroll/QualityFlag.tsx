import { useId } from 'react';
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
  const cleared = !stillNeeded || (note?.trim().length ?? 0) >= 3;
  return (
    <li className={cleared ? 'quality-flag quality-flag--cleared' : 'quality-flag'}>
      <span className="issue__file">{photo.fileName}</span>: {cleared ? 'flagged, will be enrolled' : 'flagged, not enrolled'}
      <ul className="quality-flag__reasons" aria-label={`Quality reasons for ${photo.fileName}`}>
        {issues.map((i) => (
          <li key={i.code}>{i.message}</li>
        ))}
      </ul>
      <div className="quality-flag__choices">
        {several && (
          <label className="quality-flag__choice">
            <input type="checkbox" checked={keepLargest} disabled={locked} onChange={onToggleKeepLargest} /> Keep largest face (crop {photo.fileName})
          </label>
        )}
        {stillNeeded && (
          <label className="quality-flag__choice">
            <input type="checkbox" checked={note !== undefined} disabled={locked} onChange={onToggleAccept} /> Accept {photo.fileName} anyway
          </label>
        )}
      </div>
      {stillNeeded && note !== undefined && (
        <div className="quality-flag__note">
          <label htmlFor={noteId}>Why is {photo.fileName} accepted?</label>
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
            Required. Recorded with the enrollment and in the audit log: do not write names.
          </span>
        </div>
      )}
    </li>
  );
}
