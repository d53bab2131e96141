import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, languageFromLocales, type Language } from '../../shared/domain/language.js';
import { en } from './locales/en/index.js';
import { ru } from './locales/ru/index.js';

export const catalogues = { en, ru } as const satisfies Record<Language, unknown>;

/** The renderer's one i18next instance; components use `useTranslation()`, other modules `t()`. */
export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogues[l] }])),
  lng: languageFromLocales(typeof navigator === 'undefined' ? [] : navigator.languages),
  supportedLngs: [...LANGUAGES],
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** For selectors and plain modules; components prefer `useTranslation()` so they re-render on a switch. */
export function t(key: string, options?: TOptions): string {
  return i18n.t(key, options ?? {});
}

/** The chosen language, else the OS one (Electron and Chromium report it in navigator.languages). */
export function applyLanguage(chosen: Language | undefined): void {
  const language = chosen ?? languageFromLocales(navigator.languages);
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}
