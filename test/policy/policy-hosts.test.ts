// The managed policy, obeyed by every host: the CLI (npm bin and the app's --cli), the
// app's core (Electron main and browser mode compose it) and the audit log.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/core/app/create-app.js';
import { PolicyError } from '../../src/core/policy/load-policy.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { startWebHost } from '../../src/web-host/start-web-host.js';
import { openAuditLog } from '../../src/core/audit/index.js';
import { openQueue } from '../../src/core/queue/index.js';
import { personMeta, photos } from '../../src/core/queue/testing/queue-test-kit.js';
import { KeytarSecretStore } from '../../src/core/secrets/keytar-secret-store.js';
import { openDeskDb } from '../../src/core/storage/open-desk-db.js';
import { deskScopeOf } from '../../src/shared/domain/desk-scope.js';
import { cliHosts, runCli } from '../helpers/cli.js';
import { signedInClient, startDemoSandbox } from '../helpers/sandbox.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'enroll-desk-policy-hosts-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function policyFile(policy: unknown): string {
  const file = path.join(dir, 'policy.json');
  writeFileSync(file, typeof policy === 'string' ? policy : JSON.stringify(policy));
  return file;
}

const LOCKED = { allowedServers: ['https://oz.bank.example'], deskName: 'Branch 12' };

const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The notes of the desk's `policyApplied` entries, oldest first. */
function policyNotes(deskDir: string): string[] {
  const db = openDeskDb(deskDir);
  try {
    return openAuditLog(db, { desk: () => 'test', operator: () => null })
      .entries()
      .filter((e) => e.action === 'policyApplied')
      .map((e) => e.note ?? '');
  } finally {
    db.close();
  }
}

describe.each(cliHosts)('the CLI under a managed policy, run by $name', (host) => {
  it('refuses to import into a server the policy does not allow: exit 2, naming the policy', async () => {
    const file = policyFile(LOCKED);
    const persons = path.join(dir, 'persons');
    mkdirSync(persons);
    const run = await runCli(host, ['import', persons, '--collection', 'watchlist', '--server', 'https://other.example', '--email', 'op@bank.example', '--data', path.join(dir, 'desk')], {
      ENROLL_DESK_POLICY: file,
      OZ_PASSWORD: 'never-sent',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/allows only https:\/\/oz\.bank\.example; https:\/\/other\.example is not one of them/);
  });

  it('refuses `sandbox` when the policy forbids the local training sandbox: exit 2, naming the policy', async () => {
    const file = policyFile({ localSandbox: false });
    const run = await runCli(host, ['sandbox', '--port', '0', '--json', '--data', path.join(dir, 'sandbox')], { ENROLL_DESK_POLICY: file });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('does not allow the local training sandbox');
    expect(run.stdout).toBe('');
  });

  it('rechecks the allowed servers at sync: an item for a server no longer allowed stays queued, and each run records the policy hash', async () => {
    const sandbox = await startDemoSandbox();
    try {
      const demo = sandbox.demo!;
      const desk = path.join(dir, 'desk');
      const queue = await openQueue({ dataDir: desk, secretStore: new KeytarSecretStore(), scope: () => deskScopeOf(sandbox.url, demo.email) });
      await queue.enqueueCreatePerson({ collectionId: demo.collectionId, metaData: personMeta('Policy', 'Bound') }, await photos(1));
      queue.close();
      const sync = (policy: string) =>
        runCli(host, ['sync', '--json', '--server', sandbox.url, '--email', demo.email, '--wait', '30s', '--data', desk], { ENROLL_DESK_POLICY: policy, OZ_PASSWORD: demo.password });

      const locked = policyFile(LOCKED);
      const lockedHash = sha256Of(locked);
      const refused = await sync(locked);
      expect(refused.code).toBe(2);
      const error = (JSON.parse(refused.stdout) as { error: string }).error;
      expect(error).toContain(locked);
      expect(error).toContain(`${sandbox.url} is not one of them`);
      expect(error).toContain(`The 1 queued item made for ${sandbox.url} stays queued; nothing was sent.`);
      const { client } = await signedInClient(sandbox);
      expect((await client.listPersons(demo.collectionId, { limit: 10, offset: 0 })).items).toEqual([]);

      const allowing = policyFile({ allowedServers: [sandbox.url] });
      const sent = await sync(allowing);
      expect(sent.code, sent.stderr).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ report: { sent: 1 }, status: { pending: 0 } });
      expect(policyNotes(desk)).toEqual([`sha256:${lockedHash} ${locked}`, `sha256:${sha256Of(allowing)} ${allowing}`]);
    } finally {
      await sandbox.close();
    }
  });

  it('stops every command under a policy with a bad field, naming the file and the field', async () => {
    const file = policyFile({ ...LOCKED, staleSyncWarnHours: 'soon' });
    const run = await runCli(host, ['queue', '--json', '--data', path.join(dir, 'desk')], { ENROLL_DESK_POLICY: file });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('field "staleSyncWarnHours"');
    expect(run.stdout).toBe('');
  });
});

describe('the app under a managed policy', () => {
  const options = () => ({ dataDir: path.join(dir, 'desk'), host: 'browser' as const, secretStore: new InMemorySecretStore(), emit: () => undefined, version: '0', platform: 'linux', localSandbox: null, restoreSession: false });

  it('does not start under a policy with a bad field (fail closed), in the core and in browser mode', async () => {
    vi.stubEnv('ENROLL_DESK_POLICY', policyFile({ deskName: '' }));
    await expect(createApp(options())).rejects.toThrow(PolicyError);
    await expect(createApp(options())).rejects.toThrow(/policy\.json is invalid at field "deskName"/);
    await expect(startWebHost({ dataDir: path.join(dir, 'desk'), rendererDir: dir, secretStore: new InMemorySecretStore() })).rejects.toThrow(/field "deskName"/);
  });

  it('refuses sign-in to another server before sending anything, and writes the policy’s hash to the audit log at start', async () => {
    vi.stubEnv('ENROLL_DESK_POLICY', policyFile(LOCKED));
    const connect = vi.fn(async () => {
      throw new Error('must not connect');
    });
    const app = await createApp({ ...options(), connect });
    try {
      const signIn = Promise.resolve().then(() => app.handlers['session:signIn']({ serverUrl: 'https://other.example', email: 'op@bank.example', password: 'pw', remember: false }));
      await expect(signIn).rejects.toThrow(/allows only https:\/\/oz\.bank\.example; https:\/\/other\.example is not one of them/);
    } finally {
      await app.dispose();
    }
    expect(connect).not.toHaveBeenCalled();
    const again = await createApp({ ...options(), connect });
    try {
      const started = again.context.audit.entries().filter((e) => e.action === 'policyApplied');
      expect(started).toHaveLength(2);
      expect(started[0]?.note).toMatch(/^sha256:[0-9a-f]{64} .*policy\.json$/);
      expect(again.context.settings.get().deskName).toBe('Branch 12');
    } finally {
      await again.dispose();
    }
  });

  it('refuses a photo accepted against a quality warning when the policy forbids it', async () => {
    vi.stubEnv('ENROLL_DESK_POLICY', policyFile({ acceptQualityWarnings: false }));
    const app = await createApp(options());
    try {
      const photo = { dataBase64: 'AAAA', fileName: 'a.jpg', tags: ['photo_selfie'], qualityOverride: { codes: ['blurred'], note: 'operator checked' } };
      const enroll = Promise.resolve().then(() => app.handlers['enroll:enrollPerson']({ collectionId: 'c', name: { first: 'A', middle: '', last: 'B' }, source: 'form', photos: [photo], consent: undefined } as never));
      await expect(enroll).rejects.toThrow(/managed policy .*does not allow accepting photos against a quality warning/);
    } finally {
      await app.dispose();
    }
  });
});
