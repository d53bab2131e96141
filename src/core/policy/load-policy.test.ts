import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeskPolicy, NO_POLICY, PolicyError, policyView } from './load-policy.js';
import { policyFilePath } from './policy-file.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'enroll-desk-policy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (text: string): string => {
  const file = path.join(dir, 'policy.json');
  writeFileSync(file, text);
  return file;
};
const failure = (fn: () => unknown): PolicyError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  throw new Error('expected a PolicyError');
};

describe('the managed policy file', () => {
  it('lives in ProgramData on Windows, in /etc elsewhere, or where ENROLL_DESK_POLICY says', () => {
    expect(policyFilePath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe('D:\\ProgramData\\Enroll Desk\\policy.json');
    expect(policyFilePath({}, 'win32')).toBe('C:\\ProgramData\\Enroll Desk\\policy.json');
    expect(policyFilePath({}, 'linux')).toBe('/etc/enroll-desk/policy.json');
    expect(policyFilePath({ ENROLL_DESK_POLICY: '/srv/p.json' }, 'linux')).toBe('/srv/p.json');
  });

  it('is no policy when the machine has no file', () => {
    expect(loadDeskPolicy(path.join(dir, 'absent.json'), {})).toEqual(NO_POLICY);
  });

  it('reads every lockable key and hashes the exact bytes', () => {
    const text = JSON.stringify({
      allowedServers: ['https://oz.bank.example/'],
      localSandbox: false,
      consent: { version: '2026-07', text: 'The person agreed.' },
      qualityThresholds: { maxYawDeg: 10 },
      retentionDays: { audit: 730 },
      staleSyncWarnHours: 12,
      staleSyncBlockHours: null,
      duplicateCheck: true,
      deskName: 'Branch 12',
      acceptQualityWarnings: false,
    });
    const loaded = loadDeskPolicy(write(text), {});
    expect(loaded.policy.allowedServers).toEqual(['https://oz.bank.example']);
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loadDeskPolicy(write(`${text}\n`), {}).sha256).not.toBe(loaded.sha256);
    expect(policyView(loaded).locked.sort()).toEqual(
      ['acceptQualityWarnings', 'allowedServers', 'consent', 'deskName', 'duplicateCheck', 'localSandbox', 'qualityThresholds', 'retentionDays', 'staleSyncBlockHours', 'staleSyncWarnHours'],
    );
  });

  it('fails closed naming the file and the field: a wrong value, a misspelt key, a nested key, bad JSON', () => {
    const plainHttp = failure(() => loadDeskPolicy(write('{"allowedServers":["http://oz.bank.example"]}'), {}));
    expect(plainHttp.message).toContain(path.join(dir, 'policy.json'));
    expect(plainHttp.field).toBe('allowedServers.0');
    expect(plainHttp.message).toMatch(/field "allowedServers\.0".*https/);
    expect(failure(() => loadDeskPolicy(write('{"deskNmae":"Branch"}'), {})).field).toBe('deskNmae');
    expect(failure(() => loadDeskPolicy(write('{"qualityThresholds":{"maxYawDeg":200}}'), {})).field).toBe('qualityThresholds.maxYawDeg');
    expect(failure(() => loadDeskPolicy(write('{"consent":{"version":"1"}}'), {})).field).toBe('consent.text');
    expect(failure(() => loadDeskPolicy(write('{"deskName": '), {})).message).toMatch(/not valid JSON/);
  });

  it('fails closed when ENROLL_DESK_POLICY names a file that is not there', () => {
    const missing = path.join(dir, 'missing.json');
    expect(failure(() => loadDeskPolicy(missing, { ENROLL_DESK_POLICY: missing })).message).toMatch(/cannot be read/);
  });
});
