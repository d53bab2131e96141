import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/core/app/create-app.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import type { ScanReportView } from '../../src/shared/domain/enroll.js';
import { makeTempDir, uniqueWideFace } from '../fixtures/corpus.js';
import { startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';
import { call, consent, drained, enrollOriginal, startDesk, until } from '../helpers/desk-app.js';
import { rawOz, type RawOz } from '../helpers/raw-oz.js';

// The 1:N duplicate check as the operator meets it, through the handler table the UI calls,
// against the sandbox over real HTTP. Each profile of the sandbox, and both a server that
// answers FINISHED at once and one that keeps the analysis PROCESSING for a while.

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let seed = 9100;

beforeAll(async () => {
  temp = await makeTempDir('enroll-desk-dup-');
});
afterAll(async () => {
  await temp.cleanup();
});

const newDesk = (sb: Sandbox): Promise<App> => startDesk(sb, join(temp.dir, `desk-${seed++}`));

/** A folder with one person, "Bob Other", whose photo is P re-encoded at another JPEG quality. */
async function folderWithReencoded(photo: Buffer, exact = false): Promise<string> {
  const root = join(temp.dir, `import-${seed++}`);
  await mkdir(join(root, 'Other, Bob'), { recursive: true });
  await writeFile(join(root, 'Other, Bob', 'bob.jpg'), exact ? photo : await sharp(photo).jpeg({ quality: 71 }).toBuffer());
  return root;
}

async function dryRun(app: App, path: string, collectionId: string): Promise<{ scanId: string; report: ScanReportView }> {
  const { scanId } = await call(app, 'enroll:scanFolder', { path, collectionId });
  const result = await until(async () => {
    const r = await call(app, 'enroll:scanResult', { scanId });
    return r.state === 'running' ? undefined : r;
  }, 'the dry run');
  if (result.report === null) throw new Error(`dry run failed: ${result.error?.message}`);
  return { scanId, report: result.report };
}

const profiles = [
  { name: 'default profile, analyses finished at once', options: {} },
  { name: 'default profile, analyses PROCESSING for 400 ms', options: { analysisDelayMs: 400 } },
  { name: 'strict profile (PROCESSING first, no folder deletion)', options: { profile: 'strict' } },
] as const;

describe.each(profiles)('1:N duplicate check — $name', ({ options }) => {
  let sb: Sandbox;
  let oz: RawOz;
  let app: App;
  beforeAll(async () => {
    sb = await startDemoSandbox(options);
    oz = await rawOz(sb);
    app = await newDesk(sb);
  });
  afterAll(async () => {
    await app.dispose();
    await sb.close();
  });

  it('marks a re-encoded photo under another name as a possible duplicate, adds it to that person, and leaves nothing blocking her deletion', async () => {
    const photo = await (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
    const annId = await enrollOriginal(app, oz, photo);
    const { scanId, report } = await dryRun(app, await folderWithReencoded(photo), oz.demo.collectionId);

    expect(report.duplicateCheck).toMatchObject({ state: 'done', checked: 1, failed: 0, cleanupPending: 0 });
    const bob = report.persons[0];
    expect(bob?.photos[0]?.status).toBe('accepted');
    expect(bob?.possibleDuplicates).toEqual([
      { personId: annId, name: { first: 'Ann', middle: '', last: 'Original' }, score: expect.any(Number), via: 'collection_analysis', fileName: 'bob.jpg' },
    ]);
    expect(bob?.possibleDuplicates?.[0]?.score).toBeGreaterThanOrEqual(0.85);
    // Raw HTTP, the seed's way: no COLLECTION analysis from the check references Ann.
    expect(await oz.analysesReferencing(annId)).toEqual([]);
    const checks = app.context.audit.entries().filter((e) => e.action === 'duplicateChecked');
    expect(checks.at(-1)).toMatchObject({ outcome: 'done', personId: annId, collectionId: oz.demo.collectionId, analysisId: expect.any(String) });

    const outcome = await call(app, 'enroll:confirmImport', { scanId, duplicateChoices: { [bob?.key ?? '']: { action: 'add', personId: annId } }, consent });
    expect(outcome.counts.skipped).toBe(0);
    await drained(app);
    expect(await oz.imageCount(annId)).toBe(2);
    expect((await oz.persons()).length).toBe(1);
    expect(await oz.deletePerson(annId)).toBe(204);
  });

  it('holds a flagged person back until the operator chooses, and "Enroll as new person" needs and records a note', async () => {
    const photo = await (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
    const annId = await enrollOriginal(app, oz, photo);
    const { scanId, report } = await dryRun(app, await folderWithReencoded(photo), oz.demo.collectionId);
    const key = report.persons[0]?.key ?? '';
    const undecided = await call(app, 'enroll:confirmImport', { scanId, consent });
    expect(undecided.results[0]).toMatchObject({ status: 'skipped', message: expect.stringContaining(`possible duplicate of Ann Original (id ${annId}`) });
    const noNote = await dispatch(app.handlers, 'enroll:confirmImport', { scanId, duplicateChoices: { [key]: { action: 'new', note: '' } }, consent });
    expect(noNote.ok).toBe(false);
    const asNew = await call(app, 'enroll:confirmImport', { scanId, duplicateChoices: { [key]: { action: 'new', note: 'twin sister, checked ID card' } }, consent });
    expect(asNew.results[0]?.status).not.toBe('skipped');
    await drained(app);
    expect((await oz.persons()).map((p) => p.meta_data?.person_info?.last_name).sort()).toEqual(['Original', 'Other']);
    expect(app.context.audit.entries().filter((e) => e.action === 'duplicateOverridden').at(-1)).toMatchObject({ personId: annId, note: 'twin sister, checked ID card' });
    await oz.deleteAllPersons();
  });

  it('keeps a check whose analysis DELETE failed, counts it on the Sync screen, and a later sync removes it', async () => {
    const photo = await (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
    const annId = await enrollOriginal(app, oz, photo);
    sb.setFaults('5xx@DELETE:/api/analyses=1');
    const { report } = await dryRun(app, await folderWithReencoded(photo), oz.demo.collectionId);
    expect(report.persons[0]?.possibleDuplicates?.[0]?.personId).toBe(annId);
    expect(report.duplicateCheck?.cleanupPending).toBe(1);
    expect(await call(app, 'duplicates:cleanupStatus', undefined)).toEqual({ pending: 1 });
    expect(await oz.analysesReferencing(annId)).toHaveLength(1);
    // Refused, in whichever words the profile uses (400 code 4, or 409 code 0).
    expect(await oz.deletePerson(annId)).toBeGreaterThanOrEqual(400);

    sb.setFaults(null);
    await call(app, 'queue:syncNow', undefined);
    await until(async () => ((await call(app, 'duplicates:cleanupStatus', undefined)).pending === 0 ? true : undefined), 'the cleanup');
    expect(await oz.analysesReferencing(annId)).toEqual([]);
    expect(await oz.deletePerson(annId)).toBe(204);
  });

  it('with the check turned off in the settings, asks Oz nothing and says so', async () => {
    const photo = await (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
    const annId = await enrollOriginal(app, oz, photo);
    await call(app, 'settings:set', { duplicateCheck: false });
    const foldersBefore = await oz.folderCount();
    const { report } = await dryRun(app, await folderWithReencoded(photo), oz.demo.collectionId);
    await call(app, 'settings:set', { duplicateCheck: true });
    expect(report.duplicateCheck?.state).toBe('off');
    expect(report.persons[0]?.possibleDuplicates).toBeUndefined();
    expect(await oz.folderCount()).toBe(foldersBefore);
    expect(await oz.deletePerson(annId)).toBe(204);
  });
});

describe.each(['default', 'strict'] as const)('1:N duplicate check offline (%s profile)', (profile) => {
  it('says the check was skipped, still flags the same file hash and a person of the same name', async () => {
    const sb = await startDemoSandbox({ profile });
    const oz = await rawOz(sb);
    const app = await newDesk(sb);
    try {
      const photo = await (await uniqueWideFace(seed++)).jpeg({ quality: 92 }).toBuffer();
      await enrollOriginal(app, oz, photo);
      // The Persons screen fills the desk's copy of the collection (names sealed in the cache).
      await call(app, 'persons:list', { collectionId: oz.demo.collectionId, offset: 0, limit: 50 });
      const root = join(temp.dir, `offline-${seed++}`);
      await mkdir(join(root, 'Original, Ann'), { recursive: true });
      await writeFile(join(root, 'Original, Ann', 'same.jpg'), photo);
      await writeFile(join(root, 'Original, Ann', 'again.jpg'), await sharp(photo).jpeg({ quality: 71 }).toBuffer());
      await sb.close();

      const { report } = await dryRun(app, root, oz.demo.collectionId);
      expect(report.duplicateCheck).toMatchObject({ state: 'offline', checked: 0, message: expect.stringContaining('1:N duplicate check was not done') });
      const ann = report.persons[0];
      expect(ann?.photos.find((p) => p.fileName === 'same.jpg')).toMatchObject({ status: 'duplicate', reason: 'already_enrolled' });
      expect(ann?.possibleDuplicates).toEqual([expect.objectContaining({ via: 'name_index', score: null, name: { first: 'Ann', middle: '', last: 'Original' } })]);
    } finally {
      await app.dispose();
      await sb.close();
    }
  });
});
