import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const RULE = 'enroll-desk/no-untranslated-jsx';

async function literalsIn(fixture: string, virtualPath = 'src/renderer/features/leak/Leak.tsx') {
  const code = readFileSync(path.join(import.meta.dirname, 'fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(root, virtualPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.line);
}

describe('JSX text goes through i18n (design §5)', () => {
  it('fails every literal a user would read: text, ternaries, templates, labels, alt', async () => {
    // aria-label, h1 text, title ternary, the two button texts, alt.
    expect(await literalsIn('renderer-literal-text.tsx')).toEqual([4, 5, 6, 7, 7, 9]);
  });

  it('passes the same screen written with t() and word-free symbols', async () => {
    expect(await literalsIn('renderer-translated-text.tsx')).toEqual([]);
  });

  it('applies to renderer components only', async () => {
    expect(await literalsIn('renderer-literal-text.tsx', 'src/cli/leak.tsx')).toEqual([]);
  });
});
