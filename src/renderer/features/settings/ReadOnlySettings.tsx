import type { PolicySettingKey } from '../../../shared/domain/policy.js';
import { DEFAULT_QUALITY_THRESHOLDS } from '../../../shared/domain/quality-thresholds.js';
import { DEFAULT_STALE_SYNC_WARN_HOURS } from '../../../shared/domain/audit-stale-sync.js';
import type { Settings } from '../../../shared/domain/settings.js';
import { LockedNote } from './LockedNote.js';

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

interface Row {
  readonly key: PolicySettingKey;
  readonly label: string;
  readonly value: string;
}

function rows(settings: Settings, allowedServers: readonly string[] | null, sandboxAvailable: boolean): Row[] {
  const retention = settings.retentionDays ?? {};
  const thresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...settings.qualityThresholds };
  return [
    { key: 'allowedServers', label: 'Allowed Oz servers', value: allowedServers?.join(', ') ?? 'Any https server' },
    { key: 'localSandbox', label: 'Local training sandbox', value: sandboxAvailable ? 'Offered at sign-in' : 'Not offered' },
    { key: 'qualityThresholds', label: 'Largest head turn (yaw)', value: `${number.format(thresholds.maxYawDeg)}°` },
    { key: 'retentionDays', label: 'Keep the audit log', value: `${number.format(retention.audit ?? 365)} days` },
    { key: 'staleSyncWarnHours', label: 'Warn when unsynced for', value: `${number.format(settings.staleSyncWarnHours ?? DEFAULT_STALE_SYNC_WARN_HOURS)} h` },
    { key: 'staleSyncBlockHours', label: 'Pause enrollments when unsynced for', value: settings.staleSyncBlockHours == null ? 'Never' : `${number.format(settings.staleSyncBlockHours)} h` },
    { key: 'acceptQualityWarnings', label: 'Photos may be accepted against a quality warning', value: yesNo(settings.acceptQualityWarnings !== false) },
  ];
}

/** Settings only IT changes (policy or the desk's settings file), each marked when the policy sets it. */
interface ReadOnlySettingsProps {
  readonly settings: Settings;
  readonly locked: readonly PolicySettingKey[];
  readonly allowedServers: readonly string[] | null;
  readonly sandboxAvailable: boolean;
}

export function ReadOnlySettings({ settings, locked, allowedServers, sandboxAvailable }: ReadOnlySettingsProps) {
  return (
    <dl className="settings-list" aria-label="Settings IT configures">
      {rows(settings, allowedServers, sandboxAvailable).map((row) => (
        <div key={row.key} className="settings-list__row">
          <dt>{row.label}</dt>
          <dd aria-describedby={locked.includes(row.key) ? `locked-${row.key}` : undefined}>
            {row.value}
            {locked.includes(row.key) && <LockedNote id={`locked-${row.key}`} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}
