import i18next, { type TOptions } from 'i18next';
import { en } from '../../../src/renderer/i18n/locales/en/index.js';
import { ru } from '../../../src/renderer/i18n/locales/ru/index.js';

export type DeskLanguage = 'en' | 'ru';

const words = i18next.createInstance();
await words.init({ resources: { en: { translation: en }, ru: { translation: ru } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });

/** The desk's own words in one language, from its catalogue: specs find controls by the names an operator reads. */
export function deskWords(language: DeskLanguage): (key: string, options?: TOptions) => string {
  const t = words.getFixedT(language);
  return (key, options) => t(key, options ?? {});
}
