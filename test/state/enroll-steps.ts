import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import type { PersonResult } from '../../src/shared/domain/enroll.js';
import type { Result } from '../../src/shared/result.js';
import type { Desk } from './world.js';

export type Source = 'form' | 'webcam' | 'folder';

const consent = { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION };
const NOTE = 'Operator checked the photo against the person at the desk.';
let folders = 0;

/**
 * One person through the path the operator chose: the form (photo bytes), the webcam (each
 * frame through `enroll:processCapture`, a flagged one accepted with a note), or a folder
 * (dry run, then confirm, flagged photos accepted with a note). The result names the hash of
 * every photo it took.
 */
export async function enrollThrough(desk: Desk, source: Source, collectionId: string, photos: readonly Buffer[], first: string): Promise<Result<PersonResult>> {
  const name = { first, middle: '', last: 'Sequence' };
  switch (source) {
    case 'form':
      return desk.call('enroll:enrollPerson', {
        collectionId,
        name,
        source: 'form',
        photos: photos.map((p, i) => ({ dataBase64: p.toString('base64'), fileName: `${first}-${i}.jpg`, tags: ['photo_selfie' as const] })),
        consent,
      });
    case 'webcam': {
      const held = [];
      for (const bytes of photos) {
        const capture = await desk.call('enroll:processCapture', { dataBase64: bytes.toString('base64'), mirrored: false });
        if (!capture.ok) return capture;
        if (!capture.value.ok) throw new Error(`capture refused: ${capture.value.message}`);
        const { quality } = capture.value;
        const codes = quality !== null && !quality.passed ? quality.issues.map((i) => i.code) : [];
        held.push({ captureId: capture.value.captureId, tags: ['photo_selfie' as const], ...(codes.length > 0 ? { qualityOverride: { codes, note: NOTE } } : {}) });
      }
      return desk.call('enroll:enrollPerson', { collectionId, name, source: 'webcam', photos: held, consent });
    }
    case 'folder':
      return importFolder(desk, collectionId, photos, first);
  }
}

async function importFolder(desk: Desk, collectionId: string, photos: readonly Buffer[], first: string): Promise<Result<PersonResult>> {
  folders += 1;
  const root = path.join(desk.inbox, String(folders));
  const dir = path.join(root, `${first} Sequence`);
  await mkdir(dir, { recursive: true });
  for (const [i, p] of photos.entries()) await writeFile(path.join(dir, `p${i}.jpg`), p);
  const started = await desk.call('enroll:scanFolder', { path: root, collectionId });
  if (!started.ok) return started;
  const { scanId } = started.value;
  for (;;) {
    const result = await desk.call('enroll:scanResult', { scanId });
    if (!result.ok) return result;
    if (result.value.state === 'failed') throw new Error(`dry run failed: ${result.value.error?.message ?? '?'}`);
    if (result.value.state === 'finished') {
      const report = result.value.report;
      const flagged = (report?.persons ?? []).flatMap((person) => person.photos).filter((p) => p.quality !== undefined && p.quality !== null && !p.quality.passed);
      const qualityOverrides = Object.fromEntries(flagged.map((p) => [p.path, { codes: (p.quality?.issues ?? []).map((i) => i.code), note: NOTE }]));
      const outcome = await desk.call('enroll:confirmImport', { scanId, qualityOverrides, consent });
      if (!outcome.ok) return outcome;
      expect(outcome.value.results, 'one person per folder').toHaveLength(1);
      return { ok: true, value: outcome.value.results[0] as PersonResult };
    }
    await sleep(5);
  }
}
