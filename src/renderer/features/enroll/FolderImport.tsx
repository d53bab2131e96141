import type { FormEvent } from 'react';
import { TextField } from '../../components/TextField.js';
import { describeError } from '../../ipc/describe-error.js';
import { selectCanConfirm, selectCanScan, selectEnrollablePersons, selectMissingDuplicateNotes, selectMissingQualityNotes } from '../../store/slices/enroll/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { ConsentCheck } from './ConsentCheck.js';
import { DryRunReport } from './DryRunReport.js';
import { ImportResults } from './ImportResults.js';
import { ProgressLine } from './ProgressLine.js';

/** Folder import: dry run first, then the operator unticks persons, confirms consent and enrolls. */
export function FolderImport() {
  const s = useAppStore((st) => st);
  const canScan = selectCanScan(s);
  const canConfirm = selectCanConfirm(s);
  const enrollable = selectEnrollablePersons(s);
  const missingNotes = selectMissingQualityNotes(s);
  const missingDuplicateNotes = selectMissingDuplicateNotes(s);

  const scan = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (canScan) void s.startScan();
  };

  return (
    <section className="enroll__panel" aria-labelledby="folder-import-title">
      <h3 id="folder-import-title">Import a folder</h3>
      <p className="enroll__hint">One subfolder per person, named after them; or a flat folder with a CSV manifest.</p>
      <form className="enroll__form" onSubmit={scan}>
        <TextField id="import-folder" label="Folder path" value={s.folderPath} onChange={s.setFolderPath} placeholder="/home/desk/enrollments" />
        <TextField id="import-manifest" label="Manifest CSV (optional)" value={s.manifestPath} onChange={s.setManifestPath} />
        <div className="enroll__actions">
          <button type="submit" className="button button--primary" disabled={!canScan}>
            Scan (dry run)
          </button>
          {s.scanPhase === 'scanning' && (
            <button type="button" className="button button--secondary" onClick={() => void s.cancelScan()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {s.scanPhase === 'scanning' && <ProgressLine label="Dry run progress" progress={s.scanProgress} />}
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
                  {missingNotes === 1 ? 'One photo is' : `${missingNotes} photos are`} marked "accept anyway" without a note: say why (no names) before enrolling.
                </p>
              )}
              {missingDuplicateNotes > 0 && (
                <p className="banner banner--warning" role="status">
                  {missingDuplicateNotes === 1 ? 'One person is' : `${missingDuplicateNotes} persons are`} marked "enroll as new person" without a note: say why (no names) before enrolling.
                </p>
              )}
              <ConsentCheck id="import-consent" terms={s.consentTerms} checked={s.importConsent} onChange={s.setImportConsent} who="each person in this import" />
              <button type="button" className="button button--primary" disabled={!canConfirm} onClick={() => void s.confirmImport()}>
                Enroll {enrollable} {enrollable === 1 ? 'person' : 'persons'}
              </button>
            </div>
          )}
        </>
      )}
      {s.enrolling && <ProgressLine label="Enrollment progress" progress={s.enrollProgress} />}
      {(s.enrolling || s.importOutcome) && <ImportResults results={s.importResults} outcome={s.importOutcome} />}
      {s.importOutcome && (
        <button type="button" className="button button--secondary" onClick={s.resetImport}>
          New import
        </button>
      )}
    </section>
  );
}
