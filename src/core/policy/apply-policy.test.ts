import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskPolicy } from '../../shared/domain/policy.js';
import type { SettingsPatch } from '../../shared/domain/settings.js';
import { SettingsStore } from '../settings/settings-store.js';
import type { LoadedPolicy } from './load-policy.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'enroll-desk-policy-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const loaded = (policy: DeskPolicy): LoadedPolicy => ({ file: '/etc/enroll-desk/policy.json', sha256: 'a'.repeat(64), policy });

const policyArb: fc.Arbitrary<DeskPolicy> = fc.record(
  {
    allowedServers: fc.constantFrom(['https://oz.bank.example'], ['https://oz.bank.example', 'https://oz-dr.bank.example']),
    localSandbox: fc.boolean(),
    consent: fc.constant({ version: '2026-07', text: 'IT wording' }),
    deskName: fc.constantFrom('Branch 12', 'Branch 40'),
    staleSyncWarnHours: fc.integer({ min: 1, max: 100 }),
    acceptQualityWarnings: fc.boolean(),
  },
  { requiredKeys: [] },
);

const patchArb: fc.Arbitrary<SettingsPatch> = fc.record(
  {
    serverUrl: fc.constantFrom('https://oz.bank.example', 'https://oz-dr.bank.example', 'https://elsewhere.example'),
    deskName: fc.constantFrom('Front desk', 'Branch 12'),
    consentTextVersion: fc.constantFrom('2026-01', '2026-07'),
    consentText: fc.constant('Operator wording'),
  },
  { requiredKeys: [] },
);

describe('settings under a managed policy', () => {
  it('shows the policy’s values, whatever the desk stored', () => {
    const store = new SettingsStore(dir, loaded({}));
    store.update({ serverUrl: 'https://old.example', deskName: 'Old name', useLocalSandbox: true });
    const under = new SettingsStore(dir, loaded({ allowedServers: ['https://oz.bank.example'], deskName: 'Branch 12', localSandbox: false, retentionDays: { audit: 730 } }));
    expect(under.get()).toMatchObject({ serverUrl: 'https://oz.bank.example', deskName: 'Branch 12', useLocalSandbox: false, retentionDays: { audit: 730 } });
  });

  it('refuses an operator’s change of a locked field, naming the policy, and keeps the free ones changeable', () => {
    const store = new SettingsStore(dir, loaded({ deskName: 'Branch 12' }));
    expect(() => store.updateByOperator({ deskName: 'Mine' })).toThrow(/Set by your IT department \(\/etc\/enroll-desk\/policy\.json\)/);
    expect(store.updateByOperator({ consentTextVersion: '2026-09', consentText: 'New text' })).toMatchObject({ consentTextVersion: '2026-09', deskName: 'Branch 12' });
  });

  it('property: no sequence of operator changes moves a locked value, and each refusal leaves the settings as they were', () => {
    fc.assert(
      fc.property(policyArb, fc.array(patchArb, { maxLength: 8 }), (policy, patches) => {
        const sub = mkdtempSync(path.join(dir, 'run-'));
        const store = new SettingsStore(sub, loaded(policy));
        for (const patch of patches) {
          const before = store.get();
          try {
            store.updateByOperator(patch);
          } catch {
            expect(store.get()).toEqual(before);
          }
          const now = store.get();
          if (policy.deskName !== undefined) expect(now.deskName).toBe(policy.deskName);
          if (policy.consent !== undefined) expect(now.consentTextVersion).toBe(policy.consent.version);
          if (policy.allowedServers !== undefined) expect(policy.allowedServers).toContain(now.serverUrl);
          if (policy.localSandbox === false) expect(now.useLocalSandbox).toBe(false);
          if (policy.staleSyncWarnHours !== undefined) expect(now.staleSyncWarnHours).toBe(policy.staleSyncWarnHours);
          if (policy.acceptQualityWarnings !== undefined) expect(now.acceptQualityWarnings).toBe(policy.acceptQualityWarnings);
        }
      }),
      { numRuns: 60 },
    );
  });
});
