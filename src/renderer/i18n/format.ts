import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers, sizes and dates for one locale, through `Intl` (plurals go through i18next, which uses Intl.PluralRules). */
export interface Formatters {
  number(value: number): string;
  /** 0.87 → "87 %" (as the locale writes it). */
  percent(fraction: number): string;
  /** The one date format of the desk: medium date, short time; "—" when unknown. */
  dateTime(epochMs: number | null): string;
  bytes(bytes: number | null): string;
}

const UNKNOWN = '—';

export function createFormatters(locale: string): Formatters {
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const unit = (u: string, digits: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits });
  const byteUnits = [unit('byte', 0), unit('kilobyte', 0), unit('megabyte', 1)] as const;
  return {
    number: (value) => numberFormat.format(value),
    percent: (fraction) => percentFormat.format(fraction),
    dateTime: (epochMs) => (epochMs === null ? UNKNOWN : dateFormat.format(epochMs)),
    bytes(bytes) {
      if (bytes === null) return UNKNOWN;
      if (bytes < 1024) return byteUnits[0].format(bytes);
      if (bytes < 1024 * 1024) return byteUnits[1].format(Math.round(bytes / 1024));
      return byteUnits[2].format(bytes / 1024 / 1024);
    },
  };
}

/** The formatters of the interface language; re-created when the operator switches it. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => createFormatters(locale), [locale]);
}
