import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PolicySettingKey } from '../../../shared/domain/policy.js';
import { DEFAULT_QUALITY_THRESHOLDS } from '../../../shared/domain/quality-thresholds.js';
import { DEFAULT_STALE_SYNC_WARN_HOURS } from '../../../shared/domain/audit-stale-sync.js';
import type { Settings } from '../../../shared/domain/settings.js';
import { LockedNote } from './LockedNote.js';

interface Row {
  readonly key: PolicySettingKey;
  readonly label: string;
  readonly value: string;
}

function rows(t: TFunction, settings: Settings, allowedServers: readonly string[] | null, sandboxAvailable: boolean): Row[] {
  const retention = settings.retentionDays ?? {};
  const thresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...settings.qualityThresholds };
  const hours = (value: number): string => t('settings.hours', { value });
  return [
    { key: 'allowedServers', label: t('settings.row.allowedServers'), value: allowedServers?.join(', ') ?? t('settings.row.anyServer') },
    { key: 'localSandbox', label: t('settings.row.localSandbox'), value: sandboxAvailable ? t('settings.row.sandboxOffered') : t('settings.row.sandboxNotOffered') },
    { key: 'qualityThresholds', label: t('settings.row.maxYaw'), value: t('settings.degrees', { value: thresholds.maxYawDeg }) },
    { key: 'retentionDays', label: t('settings.row.auditRetention'), value: t('settings.days', { count: retention.audit ?? 365 }) },
    { key: 'staleSyncWarnHours', label: t('settings.row.staleWarn'), value: hours(settings.staleSyncWarnHours ?? DEFAULT_STALE_SYNC_WARN_HOURS) },
    { key: 'staleSyncBlockHours', label: t('settings.row.staleBlock'), value: settings.staleSyncBlockHours == null ? t('settings.never') : hours(settings.staleSyncBlockHours) },
    { key: 'acceptQualityWarnings', label: t('settings.row.acceptQualityWarnings'), value: settings.acceptQualityWarnings !== false ? t('settings.yes') : t('settings.no') },
  ];
}

interface ReadOnlySettingsProps {
  readonly settings: Settings;
  readonly locked: readonly PolicySettingKey[];
  readonly allowedServers: readonly string[] | null;
  readonly sandboxAvailable: boolean;
}

/** Settings only IT changes (policy or the desk's settings file), each marked when the policy sets it. */
export function ReadOnlySettings({ settings, locked, allowedServers, sandboxAvailable }: ReadOnlySettingsProps) {
  const { t } = useTranslation();
  return (
    <dl className="settings-list" aria-label={t('settings.itList')}>
      {rows(t, settings, allowedServers, sandboxAvailable).map((row) => (
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
