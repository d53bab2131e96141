import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/domain/language.js';
import { catalogues, i18n } from './index.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as "a.b.c" → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, '');
const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();

/** Base keys → the plural forms (or [''] for a plain key) a catalogue gives. */
function byBase(tree: Tree): Map<string, { forms: Set<string>; vars: string[] }> {
  const out = new Map<string, { forms: Set<string>; vars: string[] }>();
  for (const [key, text] of leaves(tree)) {
    const entry = out.get(baseKey(key)) ?? { forms: new Set<string>(), vars: [] };
    entry.forms.add(PLURAL.exec(key)?.[1] ?? '');
    entry.vars = [...new Set([...entry.vars, ...variables(text)])].sort();
    out.set(baseKey(key), entry);
  }
  return out;
}

const english = byBase(catalogues.en);

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalogue', (language) => {
  const other = byBase(catalogues[language]);
  const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has every English key and no other', () => {
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('gives every plural all the forms the language needs, and plain keys stay plain', () => {
    for (const [key, entry] of english) {
      const forms = other.get(key)?.forms ?? new Set();
      if (entry.forms.has('')) expect(forms, key).toEqual(new Set(['']));
      else for (const form of needed) expect(forms.has(form), `${key}_${form}`).toBe(true);
    }
  });

  it('uses the same placeholders as English', () => {
    for (const [key, entry] of english) expect(other.get(key)?.vars, key).toEqual(entry.vars);
  });
});

/** Every .ts/.tsx file of the renderer outside tests. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'locales' ? [] : sources(full);
    return /\.tsx?$/.test(d.name) && !d.name.includes('.test.') ? [full] : [];
  });
}

describe('keys used in the renderer', () => {
  const rendererDir = path.resolve(import.meta.dirname, '..');
  const code = sources(rendererDir).map((f) => readFileSync(f, 'utf8'));

  it('exist in the English catalogue (a typo would show the raw key)', () => {
    const used = code.flatMap((c) => [...c.matchAll(/\bt\('([\w.]+)'/g), ...c.matchAll(/i18nKey="([\w.]+)"/g)].map((m) => m[1] as string));
    expect(used.length).toBeGreaterThan(300);
    const missing = used.filter((k) => !english.has(k));
    expect(missing).toEqual([]);
  });

  it('built from a prefix (t(`tags.${tag}`)) name a branch of the catalogue', () => {
    const prefixes = code.flatMap((c) => [...c.matchAll(/\bt\(`([\w.]+)\.\$\{/g)].map((m) => m[1] as string));
    expect(prefixes.length).toBeGreaterThan(5);
    for (const prefix of prefixes) expect([...english.keys()].some((k) => k.startsWith(`${prefix}.`)), prefix).toBe(true);
  });
});

describe('plurals and numbers through Intl', () => {
  it('reads "1 photo", "2 photos" in English and one/few/many in Russian', async () => {
    await i18n.changeLanguage('en');
    expect([1, 2, 1234].map((count) => i18n.t('common.photos', { count }))).toEqual(['1 photo', '2 photos', '1,234 photos']);
    await i18n.changeLanguage('ru');
    expect([1, 3, 5, 21].map((count) => i18n.t('common.photos', { count }))).toEqual(['1 фотография', '3 фотографии', '5 фотографий', '21 фотография']);
    await i18n.changeLanguage('en');
  });
});
