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
  /** Items per second: one decimal under 10, whole numbers above. */
  rate(perSecond: number): string;
  /** A time left, in seconds, minutes or hours as fits. */
  timeLeft(milliseconds: number): string;
}

const UNKNOWN = '—';

export function createFormatters(locale: string): Formatters {
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const unit = (u: string, digits: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits });
  const byteUnits = [unit('byte', 0), unit('kilobyte', 0), unit('megabyte', 1)] as const;
  const timeUnits = [unit('second', 0), unit('minute', 0), unit('hour', 1)] as const;
  const rateFormats = [new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }), new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })] as const;
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
    rate: (perSecond) => (perSecond < 10 ? rateFormats[0] : rateFormats[1]).format(perSecond),
    timeLeft(milliseconds) {
      const seconds = Math.max(1, Math.round(milliseconds / 1000));
      if (seconds < 90) return timeUnits[0].format(seconds);
      if (seconds < 90 * 60) return timeUnits[1].format(Math.round(seconds / 60));
      return timeUnits[2].format(seconds / 3600);
    },
  };
}

/** The formatters of the interface language; re-created when the operator switches it. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => createFormatters(locale), [locale]);
}
