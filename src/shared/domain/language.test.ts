import { describe, expect, it } from 'vitest';
import { languageFromLocales } from './language.js';

describe('languageFromLocales', () => {
  it('takes the first OS language the desk speaks', () => {
    expect(languageFromLocales(['ru-RU', 'en-US'])).toBe('ru');
    expect(languageFromLocales(['de-DE', 'ru'])).toBe('ru');
    expect(languageFromLocales(['EN_gb'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(languageFromLocales([])).toBe('en');
    expect(languageFromLocales(['de-DE', 'fr'])).toBe('en');
  });
});
