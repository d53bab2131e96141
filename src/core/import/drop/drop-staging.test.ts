import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/fixtures/corpus.js';
import { MAX_DROPPED_FILES } from '../../../shared/domain/dropped-files.js';
import { personOfFileName, safeRelativePath } from './drop-names.js';
import { DropStaging } from './drop-staging.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const id = () => crypto.randomUUID();
/** Every file under a folder, as "a/b.jpg". */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let staging: DropStaging;
let root: string;
beforeEach(async () => {
  temp = await makeTempDir('enroll-desk-drop-');
  root = path.join(temp.dir, 'data', 'dropped');
  staging = new DropStaging(root);
});
afterEach(() => temp.cleanup());

describe('names of dropped files', () => {
  it('keep nothing that climbs out, and at most three parts', () => {
    expect(safeRelativePath('../../etc/passwd')).toEqual(['etc', 'passwd']);
    expect(safeRelativePath('C:\\Users\\a\\Ada Lovelace\\1.jpg')).toEqual(['a', 'Ada Lovelace', '1.jpg']);
    expect(safeRelativePath('a<b>:c?.jpg')).toEqual(['a_b__c_.jpg']);
    expect(safeRelativePath('/./..')).toBeNull();
  });

  it('any name stays inside the staging folder', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '.', '/', '\\', ' ', ':', '\u0000', 'é') , maxLength: 40 }), (raw) => {
        const parts = safeRelativePath(raw);
        if (parts === null) return;
        const target = path.resolve('/staging', ...parts);
        expect(target.startsWith('/staging/')).toBe(true);
        expect(parts.length).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('name the person of a loose photo after the file', () => {
    expect(['Ada Lovelace.jpg', 'Ada Lovelace 2.jpg', 'Ada Lovelace (3).png', 'Ada Lovelace_4.jpeg'].map(personOfFileName)).toEqual(Array(4).fill('Ada Lovelace'));
    expect(personOfFileName('2024.jpg')).toBe('2024');
  });
});

describe('dropped bytes (browser mode)', () => {
  it('are staged in a private folder over several batches and laid out as person folders', async () => {
    const dropId = id();
    const first = await staging.addBytes(dropId, [{ relativePath: 'Ada Lovelace.jpg', dataBase64: b64('a') }], false);
    expect(first).toEqual({ staged: 1, drop: null });
    const last = await staging.addBytes(dropId, [{ relativePath: 'Ada Lovelace 2.jpg', dataBase64: b64('b') }, { relativePath: 'Alan Turing.jpg', dataBase64: b64('c') }], true);
    expect(last.staged).toBe(3);
    const drop = last.drop!;
    expect(drop.manifestPath).toBeNull();
    expect(tree(drop.folder)).toEqual(['Ada Lovelace/Ada Lovelace 2.jpg', 'Ada Lovelace/Ada Lovelace.jpg', 'Alan Turing/Alan Turing.jpg']);
    expect(statSync(root).mode & 0o777).toBe(0o700);
    expect(statSync(drop.folder).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(drop.folder, 'Alan Turing', 'Alan Turing.jpg')).mode & 0o777).toBe(0o600);
  });

  it('keep a dropped folder of person folders as it is, scanned from inside', async () => {
    const { drop } = await staging.addBytes(id(), [{ relativePath: 'enrollments/Ada Lovelace/1.jpg', dataBase64: b64('a') }, { relativePath: 'enrollments/Alan Turing/1.jpg', dataBase64: b64('b') }], true);
    expect(path.basename(drop!.folder)).toBe('enrollments');
    expect(tree(drop!.folder)).toEqual(['Ada Lovelace/1.jpg', 'Alan Turing/1.jpg']);
  });

  it('with a CSV beside flat photos are a manifest import', async () => {
    const { drop } = await staging.addBytes(id(), [{ relativePath: 'persons.csv', dataBase64: b64('file,first_name,last_name\na.jpg,Ada,Lovelace\n') }, { relativePath: 'a.jpg', dataBase64: b64('a') }], true);
    expect(drop!.manifestPath).toBe(path.join(drop!.folder, 'persons.csv'));
    expect(tree(drop!.folder)).toEqual(['a.jpg', 'persons.csv']);
  });

  it('a new drop removes the previous one; hidden files and OS litter are not staged', async () => {
    const before = (await staging.addBytes(id(), [{ relativePath: 'Ada.jpg', dataBase64: b64('a') }], true)).drop!;
    const after = (await staging.addBytes(id(), [{ relativePath: 'Bob.jpg', dataBase64: b64('b') }, { relativePath: '.DS_Store', dataBase64: b64('x') }, { relativePath: 'Thumbs.db', dataBase64: b64('x') }], true)).drop!;
    expect(readdirSync(root)).toHaveLength(1);
    expect(() => statSync(before.folder)).toThrow();
    expect(tree(after.folder)).toEqual(['Bob/Bob.jpg']);
  });

  it('refuse a drop with nothing to import, and one with too many files, in words', async () => {
    await expect(staging.addBytes(id(), [{ relativePath: '.hidden', dataBase64: b64('x') }], true)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Nothing that was dropped/) });
    const many = Array.from({ length: MAX_DROPPED_FILES + 1 }, (_, i) => ({ relativePath: `p${i}.jpg`, dataBase64: '' }));
    await expect(staging.addBytes(id(), many, true)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Too many files/) });
  });

  it('left by an earlier run of the desk are gone when it starts', async () => {
    const { drop } = await staging.addBytes(id(), [{ relativePath: 'Ada.jpg', dataBase64: b64('a') }], true);
    new DropStaging(root);
    expect(() => statSync(drop!.folder)).toThrow();
  });
});

describe('dropped paths (desktop app)', () => {
  const make = (rel: string) => {
    const file = path.join(temp.dir, 'disk', rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, rel);
    return file;
  };

  it('scan a folder of person folders where it is, copying nothing', async () => {
    make('enrollments/Ada Lovelace/1.jpg');
    const folder = path.join(temp.dir, 'disk', 'enrollments');
    expect(await staging.fromPaths([folder])).toEqual({ folder, manifestPath: null, files: 0 });
  });

  it('copy a lone person folder, or loose photos, into the staging', async () => {
    make('Ada Lovelace/1.jpg');
    const turing = make('Alan Turing.jpg');
    const drop = await staging.fromPaths([path.join(temp.dir, 'disk', 'Ada Lovelace'), turing]);
    expect(drop.folder.startsWith(root)).toBe(true);
    expect(tree(drop.folder)).toEqual(['Ada Lovelace/1.jpg', 'Alan Turing/Alan Turing.jpg']);
  });

  it('refuse a relative or missing path with one clear error', async () => {
    await expect(staging.fromPaths(['photos/a.jpg'])).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/no place on this desk/) });
    await expect(staging.fromPaths([path.join(temp.dir, 'nowhere.jpg')])).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/cannot be read/) });
  });
});
