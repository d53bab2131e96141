import { useTranslation } from 'react-i18next';
import { TagEditor } from '../../components/TagEditor.js';
import { useAppStore } from '../../store/store-context.js';

/** The photos taken at the webcam: each with the form's tag control, a note when flagged, and Remove. */
export function CaptureList() {
  const captures = useAppStore((s) => s.captures);
  const setTags = useAppStore((s) => s.setCaptureTags);
  const setNote = useAppStore((s) => s.setCaptureNote);
  const remove = useAppStore((s) => s.removeCapture);
  const { t } = useTranslation();
  return (
    <ul className="webcam__captures" aria-label={t('webcam.captures')}>
      {captures.map((c, i) => {
        const photo = t('person.photoN', { n: i + 1 });
        const noteId = `capture-note-${c.captureId}`;
        return (
          <li key={c.captureId} className="capture">
            <img className="capture__thumb" src={c.thumbnail} alt={t('webcam.capturedN', { n: i + 1 })} />
            <fieldset className="capture__tags">
              <legend>{t('webcam.captureLegend', { n: i + 1, width: c.width, height: c.height })}</legend>
              <TagEditor photoName={photo} tags={c.tags} onChange={(tags) => setTags(c.captureId, tags)} />
            </fieldset>
            {c.quality && !c.quality.passed && (
              <div className="quality-flag">
                <p className="quality-flag__reasons">{c.quality.issues.map((issue) => issue.message).join(' ')}</p>
                <div className="quality-flag__note">
                  <label htmlFor={noteId}>{t('webcam.whyAccepted', { n: i + 1 })}</label>
                  <input
                    id={noteId}
                    type="text"
                    value={c.qualityNote}
                    maxLength={500}
                    aria-describedby={`${noteId}-hint`}
                    onChange={(e) => setNote(c.captureId, e.target.value)}
                  />
                  <span id={`${noteId}-hint`} className="quality-flag__hint">
                    {t('webcam.noteHint')}
                  </span>
                </div>
              </div>
            )}
            <button type="button" className="button button--quiet" onClick={() => remove(c.captureId)}>
              {t('webcam.removeN', { n: i + 1 })}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
