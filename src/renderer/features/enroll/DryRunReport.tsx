import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonReportView, ScanReportView } from '../../../shared/domain/enroll.js';
import type { DuplicateChoiceDraft } from '../../store/slices/enroll/state.js';
import { isPhotoCleared, isPhotoFlagged } from '../../store/slices/enroll/selectors.js';
import { DuplicateCheckNote } from './DuplicateCheckNote.js';
import { DuplicateFlag } from './DuplicateFlag.js';
import { QualityFlag } from './QualityFlag.js';
import { reasonLabel } from './reason-label.js';

interface DryRunReportProps {
  readonly report: ScanReportView;
  readonly excluded: Readonly<Record<string, true>>;
  readonly onToggle: (key: string) => void;
  readonly qualityNotes: Readonly<Record<string, string>>;
  readonly keepLargest: Readonly<Record<string, true>>;
  readonly onToggleQualityAccept: (path: string) => void;
  readonly onQualityNote: (path: string, note: string) => void;
  readonly onToggleKeepLargest: (path: string) => void;
  readonly duplicateChoices: Readonly<Record<string, DuplicateChoiceDraft>>;
  readonly onChooseDuplicate: (key: string, choice: DuplicateChoiceDraft) => void;
  /** True once enrolling started: the selection is fixed. */
  readonly locked: boolean;
}

/** Rows shown at once; 10,000 persons are paged, not rendered together. */
const PAGE = 200;

const fullName = (p: PersonReportView): string => [p.name.first, p.name.middle, p.name.last].filter((s) => s !== '').join(' ');

/** What the dry run found: per person the photos that would be enrolled, refused or skipped as duplicates. */
export function DryRunReport(props: DryRunReportProps) {
  const { report, excluded, onToggle, locked } = props;
  const choices = { qualityNotes: props.qualityNotes, keepLargest: props.keepLargest };
  const [shown, setShown] = useState(PAGE);
  const { t } = useTranslation();
  const c = report.counts;
  const counts = [
    t('enroll.dryRun.persons', { count: c.persons }),
    t('enroll.dryRun.accepted', { count: c.photosAccepted }),
    t('enroll.dryRun.refused', { count: c.photosRefused }),
    t('enroll.dryRun.duplicates', { count: c.duplicates }),
    t('enroll.dryRun.flagged', { count: c.flagged }),
    t('enroll.dryRun.problems', { count: report.problems.length }),
    ...(report.duplicateCheck ? [t('enroll.dryRun.possibleDuplicates', { count: report.persons.filter((p) => (p.possibleDuplicates?.length ?? 0) > 0).length })] : []),
  ];
  return (
    <div className="dry-run">
      <h3>{report.cancelled ? t('enroll.dryRun.titleCancelled') : t('enroll.dryRun.title')}</h3>
      <ul className="dry-run__counts" aria-label={t('enroll.dryRun.summary')}>
        {counts.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <DuplicateCheckNote summary={report.duplicateCheck} />
      <table className="dry-run__table" aria-label={t('enroll.dryRun.tableName')}>
        <thead>
          <tr>
            <th scope="col">{t('enroll.dryRun.enroll')}</th>
            <th scope="col">{t('enroll.dryRun.person')}</th>
            <th scope="col">{t('enroll.dryRun.photos')}</th>
            <th scope="col">{t('enroll.dryRun.notUsed')}</th>
          </tr>
        </thead>
        <tbody>
          {report.persons.slice(0, shown).map((p) => {
            const accepted = p.photos.filter((ph) => ph.status === 'accepted');
            const flagged = accepted.filter(isPhotoFlagged);
            const passed = accepted.filter((ph) => !isPhotoFlagged(ph));
            const usable = accepted.filter((ph) => isPhotoCleared(choices, ph));
            const notUsed = p.photos.filter((ph) => ph.status !== 'accepted');
            const name = fullName(p);
            return (
              <tr key={p.key} className={excluded[p.key] ? 'dry-run__row dry-run__row--excluded' : 'dry-run__row'}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('enroll.dryRun.include', { name })}
                    checked={!excluded[p.key] && usable.length > 0}
                    disabled={locked || usable.length === 0}
                    onChange={() => onToggle(p.key)}
                  />
                </td>
                <th scope="row">
                  {name}
                  {p.externalId ? <span className="dry-run__muted"> · {p.externalId}</span> : null}
                  {p.key !== name && <span className="dry-run__muted dry-run__key">{p.key}</span>}
                  {p.possibleDuplicates && p.possibleDuplicates.length > 0 && (
                    <DuplicateFlag
                      personName={name}
                      candidates={p.possibleDuplicates}
                      choice={props.duplicateChoices[p.key]}
                      locked={locked}
                      onChoose={(choice) => props.onChooseDuplicate(p.key, choice)}
                    />
                  )}
                </th>
                <td>
                  {t('enroll.dryRun.acceptedShort', { count: passed.length })}
                  {passed.length > 0 && <span className="dry-run__muted"> · {[...new Set(passed.flatMap((ph) => ph.tags))].map((tag) => t(`tags.${tag}`)).join(', ')}</span>}
                  {flagged.length > 0 && (
                    <ul className="dry-run__issues" aria-label={t('enroll.dryRun.flaggedOf', { name })}>
                      {flagged.map((ph) => (
                        <QualityFlag
                          key={ph.path}
                          photo={ph}
                          note={props.qualityNotes[ph.path]}
                          keepLargest={props.keepLargest[ph.path] === true}
                          locked={locked}
                          onToggleAccept={() => props.onToggleQualityAccept(ph.path)}
                          onNote={(note) => props.onQualityNote(ph.path, note)}
                          onToggleKeepLargest={() => props.onToggleKeepLargest(ph.path)}
                        />
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {notUsed.length === 0 ? (
                    <span className="dry-run__muted">—</span>
                  ) : (
                    <ul className="dry-run__issues">
                      {notUsed.map((ph) => (
                        <li key={ph.path} className={ph.status === 'refused' ? 'issue issue--refused' : 'issue issue--duplicate'}>
                          <span className="issue__file">{ph.fileName}</span>: {reasonLabel(ph.reason)}
                          {ph.message ? <span className="issue__message"> — {ph.message}</span> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {report.persons.length > shown && (
        <button type="button" className="button button--secondary" onClick={() => setShown(shown + PAGE)}>
          {t('enroll.dryRun.showMore', { count: Math.min(PAGE, report.persons.length - shown), rest: report.persons.length - shown })}
        </button>
      )}
      {report.refused.length > 0 && (
        <details className="dry-run__extra">
          <summary>{t('enroll.dryRun.orphans', { count: report.refused.length })}</summary>
          <ul>
            {report.refused.map((f) => (
              <li key={f.path}>
                <span className="issue__file">{f.fileName}</span>: {f.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.problems.length > 0 && (
        <details className="dry-run__extra" open>
          <summary>{t('enroll.dryRun.problems', { count: report.problems.length })}</summary>
          <ul>
            {report.problems.map((p, i) => (
              <li key={`${p.path}-${i}`}>{p.message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
