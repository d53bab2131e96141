import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, uniqueWideFace } from '../../../test/fixtures/corpus.js';
import { rawOz, type RawOz } from '../../../test/helpers/raw-oz.js';
import { startDemoSandbox, type Sandbox } from '../../../test/helpers/sandbox.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../shared/domain/consent.js';
import { choicesFor, duplicatePlan } from './import-duplicates.js';

const repo = join(import.meta.dirname, '../../..');
const consentFlag = ['--consent-version', DEFAULT_CONSENT_TEXT_VERSION];
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let seed = 9400;

beforeAll(async () => {
  temp = await makeTempDir('enroll-desk-cli-dup-');
});
afterAll(async () => {
  await temp.cleanup();
});

function cli(sb: Sandbox, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, OZ_API_URL: sb.url, OZ_EMAIL: sb.demo?.email ?? '', OZ_PASSWORD: sb.demo?.password ?? '' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/enroll-desk', ...args], { cwd: repo, env, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code as number) : 0;
      resolve({ code: typeof code === 'number' ? code : -1, stdout, stderr });
    });
  });
}

async function onePerson(folder: string, bytes: Buffer): Promise<string> {
  const root = join(temp.dir, `in-${seed++}`);
  await mkdir(join(root, folder), { recursive: true });
  await writeFile(join(root, folder, 'photo.jpg'), bytes);
  return root;
}

describe('duplicate flags', () => {
  it('take on|off and skip|add|new, and "new" needs a note', () => {
    expect(duplicatePlan({}, true)).toEqual({ enabled: true, onDuplicate: 'skip', note: null });
    expect(duplicatePlan({ duplicateCheck: 'off' }, true)).toMatchObject({ enabled: false });
    expect(duplicatePlan({ duplicateCheck: 'on' }, false)).toMatchObject({ enabled: true });
    expect(duplicatePlan({ duplicateCheck: 'maybe' }, true)).toMatch(/on or off/);
    expect(duplicatePlan({ onDuplicate: 'merge' }, true)).toMatch(/skip, add or new/);
    expect(duplicatePlan({ onDuplicate: 'new' }, true)).toMatch(/--duplicate-note/);
    const plan = duplicatePlan({ onDuplicate: 'new', duplicateNote: 'twins, ID checked' }, true);
    expect(plan).toMatchObject({ onDuplicate: 'new', note: 'twins, ID checked' });
    const report = {
      persons: [
        { key: 'a', possibleDuplicates: [{ personId: 'p1', name: null, score: 0.9, via: 'collection_analysis', fileName: 'x.jpg' }] },
        { key: 'b' },
      ],
    } as unknown as Parameters<typeof choicesFor>[0];
    expect(choicesFor(report, plan as Exclude<typeof plan, string>)).toEqual({ a: { action: 'new', note: 'twins, ID checked' } });
  });
});

describe.each(['default', 'strict'] as const)('enroll-desk import --duplicate-check (%s profile)', (profile) => {
  let sb: Sandbox;
  let oz: RawOz;
  let data: string[] = [];
  beforeAll(async () => {
    sb = await startDemoSandbox({ profile });
    oz = await rawOz(sb);
  });
  // Each test its own desk, so no record of another test's checks is counted.
  beforeEach(() => {
    data = ['--data', join(temp.dir, `desk-${profile}-${seed++}`)];
  });
  afterAll(async () => {
    await sb.close();
  });

  it('marks a re-encoded photo under another name as a possible duplicate, adds it with --on-duplicate add, and Ann can be deleted at once', async () => {
    const photo = await (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
    const enrolled = await cli(sb, ['import', await onePerson('Original, Ann', photo), '--collection', 'demo-watchlist', '--json', ...consentFlag, ...data]);
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const annId = (JSON.parse(enrolled.stdout) as { files: { personId: string }[] }).files[0]?.personId ?? '';

    const bob = await onePerson('Other, Bob', await sharp(photo).jpeg({ quality: 70 }).toBuffer());
    const dry = await cli(sb, ['import', bob, '--collection', 'demo-watchlist', '--dry-run', '--json', ...data]);
    const report = JSON.parse(dry.stdout) as { duplicateCheck: { state: string }; files: { duplicate: unknown }[] };
    expect(report.duplicateCheck.state).toBe('done');
    expect(report.files[0]?.duplicate).toEqual({ personId: annId, name: 'Ann Original', score: expect.any(Number), via: 'collection_analysis' });
    expect(await oz.analysesReferencing(annId)).toEqual([]);

    const off = await cli(sb, ['import', bob, '--collection', 'demo-watchlist', '--dry-run', '--json', '--duplicate-check', 'off', ...data]);
    expect(JSON.parse(off.stdout)).toMatchObject({ duplicateCheck: { state: 'off' }, files: [{ duplicate: null }] });

    const held = await cli(sb, ['import', bob, '--collection', 'demo-watchlist', '--json', ...consentFlag, ...data]);
    expect(JSON.parse(held.stdout)).toMatchObject({ files: [{ status: 'skipped', message: expect.stringContaining('possible duplicate of Ann Original') }] });

    const added = await cli(sb, ['import', bob, '--collection', 'demo-watchlist', '--json', '--on-duplicate', 'add', ...consentFlag, ...data]);
    expect(JSON.parse(added.stdout)).toMatchObject({ files: [{ status: 'enrolled', personId: annId }] });
    expect(await oz.imageCount(annId)).toBe(2);
    expect(await oz.deletePerson(annId)).toBe(204);
  }, 300_000);

  it('sync deletes the analysis of a check whose cleanup failed', async () => {
    const photo = await (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
    const enrolled = await cli(sb, ['import', await onePerson('Original, Cleo', photo), '--collection', 'demo-watchlist', '--json', ...consentFlag, ...data]);
    const cleoId = (JSON.parse(enrolled.stdout) as { files: { personId: string }[] }).files[0]?.personId ?? '';
    sb.setFaults('5xx@DELETE:/api/analyses=1');
    const dry = await cli(sb, ['import', await onePerson('Else, Dee', await sharp(photo).jpeg({ quality: 75 }).toBuffer()), '--collection', 'demo-watchlist', '--dry-run', '--json', ...data]);
    expect(JSON.parse(dry.stdout)).toMatchObject({ duplicateCheck: { cleanupPending: 1 } });
    expect(await oz.analysesReferencing(cleoId)).toHaveLength(1);
    sb.setFaults(null);
    const sync = await cli(sb, ['sync', '--json', ...data]);
    expect(JSON.parse(sync.stdout)).toMatchObject({ checksToCleanUp: 0 });
    expect(await oz.analysesReferencing(cleoId)).toEqual([]);
    expect(await oz.deletePerson(cleoId)).toBe(204);
  }, 300_000);
});

describe.each(['default', 'strict'] as const)('enroll-desk import --dry-run offline (%s profile)', (profile) => {
  it('says the 1:N check was not done, and still flags the photo this desk enrolled by its file hash', async () => {
    const sb = await startDemoSandbox({ profile });
    const collectionId = sb.demo?.collectionId ?? '';
    const data = ['--data', join(temp.dir, `desk-offline-${profile}-${seed++}`)];
    try {
      const photo = await (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
      const folder = await onePerson('Original, Eve', photo);
      const enrolled = await cli(sb, ['import', folder, '--collection-id', collectionId, '--json', ...consentFlag, ...data]);
      expect(enrolled.code, enrolled.stderr).toBe(0);
      await sb.close();

      const dry = await cli(sb, ['import', folder, '--collection-id', collectionId, '--dry-run', '--json', ...data]);
      expect(dry.code, dry.stderr).toBe(0);
      const report = JSON.parse(dry.stdout) as { offline: boolean; duplicateCheck: { state: string; checked: number; message: string }; files: { status: string; reason?: string }[] };
      expect(report.offline).toBe(true);
      expect(report.duplicateCheck).toMatchObject({ state: 'offline', checked: 0, message: expect.stringContaining('1:N duplicate check was not done') });
      expect(report.files).toEqual([expect.objectContaining({ status: 'duplicate', reason: 'already_enrolled' })]);
    } finally {
      await sb.close();
    }
  }, 300_000);
});
