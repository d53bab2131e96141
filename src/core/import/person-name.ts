import type { PersonName } from './report.js';

/** NFC first: macOS hands out decomposed (NFD) file names, and "José" must equal "José". */
export function normaliseText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function fromTokens(first: readonly string[], last: string): PersonName {
  return { first: first[0] ?? '', middle: first.slice(1).join(' '), last };
}

/**
 * Reads a person's name from a folder name: "Last, First Middle" when there is a comma,
 * otherwise "First Middle Last". A single word is taken as the first name. Null when
 * nothing is left after trimming.
 */
export function parsePersonName(folderName: string): PersonName | null {
  const clean = normaliseText(folderName);
  const comma = clean.indexOf(',');
  const name =
    comma >= 0
      ? fromTokens(splitWords(clean.slice(comma + 1)), normaliseText(clean.slice(0, comma)))
      : fromWords(splitWords(clean));
  return name.first === '' && name.last === '' ? null : name;
}

function splitWords(text: string): string[] {
  return normaliseText(text.replace(/,/gu, ' '))
    .split(' ')
    .filter((w) => w !== '');
}

function fromWords(words: readonly string[]): PersonName {
  if (words.length <= 1) return { first: words[0] ?? '', middle: '', last: '' };
  return fromTokens(words.slice(0, -1), words[words.length - 1] ?? '');
}
