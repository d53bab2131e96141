import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { auditActions } from '../../shared/domain/audit.js';
import { loadAuditHeadKey, openAuditLog } from '../../core/audit/index.js';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store.js';
import { openDeskDb } from '../../core/storage/open-desk-db.js';
import { cliHosts, runCli, type CliHost } from '../../../test/helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A desk data folder whose audit log holds `n` recorded actions. */
function deskWithLog(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'enroll-desk-audit-'));
  dirs.push(dir);
  const db = openDeskDb(dir);
  let t = Date.UTC(2026, 2, 1);
  const log = openAuditLog(db, { desk: () => 'desk-3', operator: () => 'op@bank.example' }, () => (t += 60_000));
  const actions = auditActions.filter((a) => a !== 'checkpoint' && a !== 'qualityOverridden' && a !== 'duplicateOverridden');
  for (let i = 0; i < n; i += 1) {
    const action = actions[i % actions.length] ?? 'signIn';
    log.record({ action, targets: { collectionId: 'col-1', personId: `person-${i}` }, outcome: i % 7 === 0 ? 'queued' : 'done' });
  }
  db.close();
  return dir;
}

/** A desk whose log was written by a host with the keychain: its head is sealed after each entry. */
async function deskWithSealedLog(n: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'enroll-desk-audit-sealed-'));
  dirs.push(dir);
  const db = openDeskDb(dir);
  const log = openAuditLog(db, { desk: () => 'desk-4', operator: () => 'op@bank.example' }, Date.now, await loadAuditHeadKey(new KeytarSecretStore(), dir));
  for (let i = 0; i < n; i += 1) log.record({ action: 'signIn', outcome: 'done' });
  db.close();
  return dir;
}

function tamper(dir: string, sql: string): void {
  const db = openDeskDb(dir);
  db.exec(sql);
  db.close();
}

const verify = async (host: CliHost, dir: string) => {
  const run = await runCli(host, ['audit', 'verify', '--json', '--data', dir]);
  return { code: run.code, result: JSON.parse(run.stdout) as { ok: boolean; entries?: number; firstBroken?: number; reason?: string } };
};

// The same suite for the npm bin and for the installed app's --cli.
describe.each(cliHosts)('enroll-desk audit verify, run by $name', (host) => {
  const cli = (args: readonly string[]) => runCli(host, args);

  it('passes 1,000 audited actions, then fails on an edited, a deleted and swapped entries, naming each', async () => {
    const intact = deskWithLog(1000);
    expect(await verify(host, intact)).toEqual({ code: 0, result: { ok: true, entries: 1000 } });

    const edited = deskWithLog(1000);
    tamper(edited, "UPDATE audit_entries SET outcome = 'failed', error_code = 'X' WHERE seq = 421");
    expect(await verify(host, edited)).toMatchObject({ code: 1, result: { ok: false, firstBroken: 421 } });

    const deleted = deskWithLog(1000);
    tamper(deleted, 'DELETE FROM audit_entries WHERE seq = 613');
    expect(await verify(host, deleted)).toMatchObject({ code: 1, result: { ok: false, firstBroken: 613, reason: expect.stringContaining('#613') } });

    const swapped = deskWithLog(1000);
    tamper(swapped, 'UPDATE audit_entries SET seq = -1 WHERE seq = 100; UPDATE audit_entries SET seq = 100 WHERE seq = 200; UPDATE audit_entries SET seq = 200 WHERE seq = -1;');
    expect(await verify(host, swapped)).toMatchObject({ code: 1, result: { ok: false, firstBroken: 100 } });

    const human = await cli(['audit', 'verify', '--data', swapped]);
    expect(human.stdout).toContain('BROKEN at entry #100');
  });

  it('detects entries deleted from the end of a sealed log and says how many are missing (exit 1)', async () => {
    const dir = await deskWithSealedLog(40);
    expect(await verify(host, dir)).toEqual({ code: 0, result: { ok: true, entries: 40 } });
    tamper(dir, 'DELETE FROM audit_entries WHERE seq > 35');
    expect(await verify(host, dir)).toMatchObject({ code: 1, result: { ok: false, firstBroken: 36, missing: 5 } });
    const human = await cli(['audit', 'verify', '--data', dir]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('5 entries are missing from the end');
  });

  it('exits 2 on usage errors and on a folder without a desk database', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'enroll-desk-audit-'));
    dirs.push(empty);
    expect((await cli(['audit', 'verify', '--data', empty])).code).toBe(2);
    expect((await cli(['audit', 'verify', '--bogus'])).code).toBe(2);
    expect((await cli(['audit', 'export', '--from', 'yesterday', '--data', empty])).code).toBe(2);
  });
});

describe.each(cliHosts)('enroll-desk audit export, run by $name', (host) => {
  const cli = (args: readonly string[]) => runCli(host, args);

  it('writes CSV and JSON for a time range', async () => {
    const dir = deskWithLog(30);
    const out = join(dir, 'out.csv');
    // Entries are one minute apart from 2026-03-01T00:01Z.
    const run = await cli(['audit', 'export', '--data', dir, '--from', '2026-03-01T00:10:00Z', '--to', '2026-03-01T00:19:00Z', '--out', out]);
    expect(run.code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as { seq: string; desk: string }[];
    expect(rows.map((r) => Number(r.seq))).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(rows[0]?.desk).toBe('desk-3');
    const json = await cli(['audit', 'export', '--json', '--data', dir]);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(30);
  });
});
