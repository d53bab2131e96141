import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectCanConfirm, selectCanScan, selectEnrollablePersons, selectMissingDuplicateNotes, selectMissingQualityNotes } from '../../store/slices/enroll/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ConsentCheck } from './ConsentCheck.js';
import { FolderPathField } from './FolderPathField.js';
import { DryRunReport } from './DryRunReport.js';
import { ImportResults } from './ImportResults.js';
import { DropProgress, ProgressLine } from './ProgressLine.js';

/** Folder import: dry run first, then the operator unticks persons, confirms consent and enrolls. */
export function FolderImport() {
  const s = useAppStore((st) => st);
  const canScan = selectCanScan(s);
  const canConfirm = selectCanConfirm(s);
  const enrollable = selectEnrollablePersons(s);
  const missingNotes = selectMissingQualityNotes(s);
  const missingDuplicateNotes = selectMissingDuplicateNotes(s);
  const { t } = useTranslation();

  const scan = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (canScan) void s.startScan();
  };

  return (
    <section className="enroll__panel" aria-labelledby="folder-import-title">
      <h2 id="folder-import-title">{t('enroll.folder.title')}</h2>
      <p className="enroll__hint">{t('enroll.folder.hint')}</p>
      <p className="enroll__hint">{t('enroll.drop.hint')}</p>
      <form className="enroll__form" onSubmit={scan}>
        <FolderPathField />
        <TextField id="import-manifest" label={t('enroll.folder.manifest')} value={s.manifestPath} onChange={s.setManifestPath} />
        <div className="enroll__actions">
          <button type="submit" className="button button--primary" disabled={!canScan}>
            {t('enroll.folder.scan')}
          </button>
          {s.scanPhase === 'scanning' && (
            <button type="button" className="button button--secondary" onClick={() => void s.cancelScan()}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
      {s.dropped !== null && (
        <p className="enroll__dropped" role="note">
          {t('enroll.drop.staged', { count: s.dropped.files })}
        </p>
      )}
      {s.dropProgress !== null && <DropProgress done={s.dropProgress.done} total={s.dropProgress.total} />}
      {s.scanPhase === 'scanning' && <ProgressLine label={t('enroll.folder.scanProgress')} progress={s.scanProgress} />}
      {s.enrollError && (
        <p className="banner banner--error" role="alert">
          {describeError(s.enrollError)}
        </p>
      )}
      {s.report && s.scanPhase === 'finished' && (
        <>
          <DryRunReport
            report={s.report}
            excluded={s.excluded}
            onToggle={s.togglePerson}
            qualityNotes={s.qualityNotes}
            keepLargest={s.keepLargest}
            onToggleQualityAccept={s.toggleQualityAccept}
            onQualityNote={s.setQualityNote}
            onToggleKeepLargest={s.toggleKeepLargest}
            duplicateChoices={s.duplicateChoices}
            onChooseDuplicate={s.chooseDuplicate}
            locked={s.enrolling || s.importOutcome !== null}
          />
          {s.importOutcome === null && (
            <div className="enroll__confirm">
              {missingNotes > 0 && (
                <p className="banner banner--warning" role="status">
                  {t('enroll.folder.missingNotes', { count: missingNotes })}
                </p>
              )}
              {missingDuplicateNotes > 0 && (
                <p className="banner banner--warning" role="status">
                  {t('enroll.folder.missingDuplicateNotes', { count: missingDuplicateNotes })}
                </p>
              )}
              <ConsentCheck id="import-consent" terms={s.consentTerms} checked={s.importConsent} onChange={s.setImportConsent} who={t('enroll.consent.whoImport')} />
              <button type="button" className="button button--primary" disabled={!canConfirm} onClick={() => void s.confirmImport()}>
                {enrollable === 0 ? t('enroll.folder.enrollNone') : t('enroll.folder.enroll', { count: enrollable })}
              </button>
            </div>
          )}
        </>
      )}
      {s.enrolling && <ProgressLine label={t('enroll.folder.enrollProgress')} progress={s.enrollProgress} />}
      {(s.enrolling || s.importOutcome) && <ImportResults results={s.importResults} outcome={s.importOutcome} />}
      {s.importOutcome && (
        <button type="button" className="button button--secondary" onClick={s.resetImport}>
          {t('enroll.folder.newImport')}
        </button>
      )}
    </section>
  );
}
