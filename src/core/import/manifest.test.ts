import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/fixtures/corpus.js';
import { readManifest } from './manifest.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.cleanup());

async function manifest(text: string) {
  const path = join(temp.dir, 'people.csv');
  await writeFile(path, text);
  return { path, result: await readManifest(path, temp.dir) };
}

describe('readManifest', () => {
  it('reads persons, several files, tags and external ids', async () => {
    const { result } = await manifest(
      '\uFEFFFiles,first_name,middle_name,last_name,external_id,tags\n' +
        'a.jpg;b.jpg,Anna,Maria,Kowalska,C-1,photo_selfie;orientation_portrait\n' +
        '"sub/c d.png",  José ,,  García  López ,,\n',
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        name: { first: 'Anna', middle: 'Maria', last: 'Kowalska' },
        externalId: 'C-1',
        files: [join(temp.dir, 'a.jpg'), join(temp.dir, 'b.jpg')],
        tags: ['photo_selfie', 'orientation_portrait'],
      },
      { line: 3, name: { first: 'José', middle: '', last: 'García López' }, files: [join(temp.dir, 'sub/c d.png')], tags: null },
    ]);
  });

  it('reports a missing column once and reads nothing', async () => {
    const { result } = await manifest('file,first_name,surname\na.jpg,Anna,K\n');
    expect(result.rows).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'manifest_error', line: 1 });
    expect(result.problems[0]?.message).toContain('last_name');
  });

  it('reports bad rows by line and keeps the good ones', async () => {
    const { path, result } = await manifest(
      [
        'file,first_name,last_name,external_id,tags',
        'a.jpg,Anna,Nowak,X1,photo_selfie;photo_sefie',
        'b.jpg,,,X2,',
        'c.jpg,Carl,Berg,X3,',
        'd.jpg,Dora,Berg,X3,',
        ',Eve,Adams,,',
        '../outside.jpg,Fay,Lee,,',
        'e.jpg,"Bad "quote",Lee,,',
        'f.jpg,Gus,Lee,,',
      ].join('\n'),
    );
    expect(result.rows.map((r) => r.name.first)).toEqual(['Carl', 'Gus']);
    const byLine = Object.fromEntries(result.problems.map((p) => [p.line, p.message]));
    expect(byLine[2]).toMatch(/unknown tag "photo_sefie"/);
    expect(byLine[3]).toMatch(/neither a first nor a last name/);
    expect(byLine[5]).toMatch(/X3" is already used on line 4/);
    expect(byLine[6]).toMatch(/no photo file/);
    expect(result.problems.filter((p) => p.line === 7).map((p) => p.message)).toEqual([
      expect.stringMatching(/outside the import folder/),
      expect.stringMatching(/no photo file/),
    ]);
    expect(byLine[8]).toMatch(/not valid CSV/);
    expect(result.problems.every((p) => p.kind === 'manifest_error' && p.path === path)).toBe(true);
  });

  it('reports an unreadable or empty manifest instead of throwing', async () => {
    const missing = await readManifest(join(temp.dir, 'nope.csv'), temp.dir);
    expect(missing.problems[0]?.message).toMatch(/could not be read \(ENOENT\)/);
    const { result } = await manifest('');
    expect(result.problems[0]?.message).toMatch(/empty/);
  });
});
