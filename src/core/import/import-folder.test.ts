import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeFolder, expandHome, resolveImportFolder } from './import-folder.js';

const home = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('expandHome', () => {
  it('expands ~ and ~/ only', () => {
    expect(expandHome('~', home)).toBe(home);
    expect(expandHome(' ~/photos/a ', home)).toBe(path.join(home, 'photos/a'));
    expect(expandHome('/srv/~/x', home)).toBe('/srv/~/x');
    expect(expandHome('~other/x', home)).toBe('~other/x');
  });
});

describe('resolveImportFolder', () => {
  it('accepts a folder under ~', async () => {
    expect(await resolveImportFolder('~', home)).toBe(home);
  });

  it('refuses a missing folder and a file with one clear BAD_INPUT', async () => {
    await expect(resolveImportFolder('~/nowhere', home)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^There is no such folder: .*nowhere/) });
    writeFileSync(path.join(home, 'a.jpg'), 'x');
    await expect(resolveImportFolder('~/a.jpg', home)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/not a folder/) });
  });
});

describe('completeFolder', () => {
  it('lists the subfolders that continue the typed path, hidden ones only when asked', async () => {
    const { mkdirSync } = await import('node:fs');
    for (const name of ['persons-a', 'persons-b', 'photos', '.cache']) mkdirSync(path.join(home, name), { recursive: true });
    expect(await completeFolder('~/pers', home)).toEqual([path.join(home, 'persons-a'), path.join(home, 'persons-b')]);
    expect(await completeFolder(`${home}/`, home)).toEqual(['persons-a', 'persons-b', 'photos'].map((n) => path.join(home, n)));
    expect(await completeFolder('~/.c', home)).toEqual([path.join(home, '.cache')]);
    expect(await completeFolder('~/nowhere/x', home)).toEqual([]);
    expect(await completeFolder('relative/path', home)).toEqual([]);
  });
});
