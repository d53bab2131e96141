import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openQueue } from '../../core/queue/index.js';
import type { DeskScope } from '../../shared/domain/desk-scope.js';
import { personMeta, photos, tempDir } from '../../core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../../core/secrets/in-memory-secret-store.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { testSandboxProfile } from '../../../test/helpers/sandbox-profile.js';
import { registerQueueCommand } from './queue-command.js';
import { registerSyncCommand } from './sync-command.js';
import { startFlakyProxy, type FlakyProxy, type FlakyVerdict } from '../../../test/helpers/flaky-proxy.js';

/** Answers person creations with `answers` in turn (then passes them), noting when each came. */
function personPosts(answers: readonly FlakyVerdict[]): { readonly at: number[]; readonly decide: (method: string, path: string) => FlakyVerdict } {
  const at: number[] = [];
  return {
    at,
    decide: (method, path) => {
      if (method !== 'POST' || !/\/persons\/?$/.test(path)) return 'pass';
      at.push(Date.now());
      return answers[at.length - 1] ?? 'pass';
    },
  };
}

describe('enroll-desk queue / sync', () => {
  let sandbox: RunningSandbox;
  let tmp: ReturnType<typeof tempDir>;
  const secrets = new InMemorySecretStore();
  const deps = { secretStore: () => secrets };

  async function run(...args: string[]): Promise<{ code: number; out: string }> {
    const program = new Command('enroll-desk').option('--data <dir>').exitOverride();
    registerQueueCommand(program, deps);
    registerSyncCommand(program, deps);
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += chunk.toString();
      return true;
    });
    process.exitCode = undefined;
    try {
      await program.parseAsync(['--data', tmp.dir, ...args], { from: 'user' });
    } finally {
      spy.mockRestore();
    }
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    process.exitCode = undefined;
    return { code, out };
  }

  async function enqueue(tags: readonly string[] = ['photo_selfie'], scope: DeskScope | null = null): Promise<void> {
    const queue = await openQueue({ dataDir: tmp.dir, secretStore: secrets, scope: () => scope });
    const [p] = await photos(1);
    await queue.enqueueCreatePerson({ collectionId: sandbox.demo!.collectionId, metaData: personMeta('Cli', 'Quixotica') }, [{ ...p!, tags }]);
    queue.close();
  }

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, dataDir: null, seedDemo: true, profile: testSandboxProfile() });
    tmp = tempDir('cli');
    process.env['OZ_TEST_PASSWORD'] = sandbox.demo!.password;
    process.env['OZ_TEST_WRONG'] = 'not-the-password';
  });
  afterEach(async () => {
    delete process.env['OZ_TEST_PASSWORD'];
    delete process.env['OZ_TEST_WRONG'];
    await sandbox.close();
    tmp.remove();
  });

  it('prints the queue as one JSON object and drains it with exit 0', async () => {
    await enqueue();
    const before = await run('queue', '--json');
    const parsed = JSON.parse(before.out) as { status: { counts: { ready: number } }; items: { state: string }[] };
    expect(parsed.status.counts.ready).toBe(1);
    expect(parsed.items).toHaveLength(1);
    expect(before.out).not.toContain('Quixotica');

    const sync = await run('sync', '--json', '--server', sandbox.url, '--email', sandbox.demo!.email, '--password-env', 'OZ_TEST_PASSWORD');
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.out)).toMatchObject({ report: { sent: 1, stoppedBy: 'drained' }, exitCode: 0 });
    const after = JSON.parse((await run('queue', '--json')).out) as { status: { pending: number; counts: { doneToday: number } } };
    expect(after.status).toMatchObject({ pending: 0, counts: { doneToday: 1 } });
  });

  it('exits 1 when items stay in quarantine, 3 while the server is unreachable, 2 on sign-in or usage errors', async () => {
    await enqueue(['bogus_tag']);
    const creds = ['--email', sandbox.demo!.email, '--password-env', 'OZ_TEST_PASSWORD'];
    expect((await run('sync', '--json', '--server', sandbox.url, ...creds)).code).toBe(1);
    const human = await run('queue');
    expect(human.out).toMatch(/quarantined 1/);
    expect(human.out).toMatch(/bogus_tag/);

    const queue = await openQueue({ dataDir: tmp.dir, secretStore: secrets });
    queue.discard(queue.list({ limit: 1, offset: 0 })[0]?.id ?? '');
    queue.close();
    await enqueue();
    const unreachable = await run('sync', '--json', '--server', 'http://127.0.0.1:9', ...creds);
    expect(unreachable.code).toBe(3);
    expect(JSON.parse(unreachable.out)).toMatchObject({ report: null, status: { pending: 1 }, offlineReason: expect.stringContaining('cannot be reached') });
    const badPassword = await run('sync', '--json', '--server', sandbox.url, '--email', sandbox.demo!.email, '--password-env', 'OZ_TEST_WRONG');
    expect(badPassword.code).toBe(2);
    expect(JSON.parse(badPassword.out)).toMatchObject({ error: expect.stringMatching(/HTTP 401.*Check the e-mail and the password/) });
    expect((await run('sync', '--json', '--server', sandbox.url, '--email', sandbox.demo!.email, '--password-env', 'NO_SUCH_VAR')).code).toBe(2);
    expect((await run('sync', '--json', '--server', sandbox.url, ...creds)).code).toBe(0);
  });

  describe('--wait', () => {
    let proxy: FlakyProxy | null = null;
    afterEach(async () => {
      await proxy?.close();
      proxy = null;
    });
    const through = (p: FlakyProxy) => ['sync', '--json', '--server', p.url, '--email', sandbox.demo!.email, '--password-env', 'OZ_TEST_PASSWORD'];

    it('waits out 503s and each Retry-After within its budget, then exits 0: no 5xx or 429 makes an item failed', async () => {
      await enqueue();
      const busy = { status: 503 };
      const tooMany = { status: 429, headers: { 'retry-after': '2' } };
      const posts = personPosts([busy, tooMany, tooMany]);
      proxy = await startFlakyProxy(sandbox.url, posts.decide);
      const sync = await run(...through(proxy), '--wait', '60s');
      expect(sync.code, sync.out).toBe(0);
      expect(JSON.parse(sync.out)).toMatchObject({ report: { sent: 1, quarantined: 0, stoppedBy: 'drained' }, status: { pending: 0, counts: { quarantined: 0 } } });
      expect(posts.at).toHaveLength(4);
      // Never earlier than the server asked (a few ms for timer granularity).
      expect((posts.at[2] ?? 0) - (posts.at[1] ?? 0)).toBeGreaterThanOrEqual(1_990);
      expect((posts.at[3] ?? 0) - (posts.at[2] ?? 0)).toBeGreaterThanOrEqual(1_990);
    }, 90_000);

    it('exits 3 only once the budget ends with the item still waiting, which stays queued with its HTTP status', async () => {
      await enqueue();
      // A Retry-After longer than the CLI's 30 s back-off cap is obeyed, not cut short.
      proxy = await startFlakyProxy(sandbox.url, personPosts(Array.from({ length: 10 }, () => ({ status: 429, headers: { 'retry-after': '45' } }))).decide);
      const started = Date.now();
      const sync = await run(...through(proxy), '--wait', '3s');
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
      expect(sync.code, sync.out).toBe(3);
      expect(JSON.parse(sync.out)).toMatchObject({ report: { sent: 0, quarantined: 0, stoppedBy: 'stopped' }, status: { pending: 1, counts: { retryWait: 1, quarantined: 0 } } });
      expect(proxy.log.filter((l) => l.request.startsWith('POST') && l.request.includes('/persons'))).toHaveLength(1);
      const listed = JSON.parse((await run('queue', '--json')).out) as { items: { state: string; lastError: string; nextAttemptAt: number }[] };
      expect(listed.items[0]).toMatchObject({ state: 'retry_wait', lastError: expect.stringContaining('HTTP 429') });
      expect((listed.items[0]?.nextAttemptAt ?? 0) - started).toBeGreaterThanOrEqual(44_000);
    }, 60_000);

    it("counts only this server's items: one made for another server is named, not a reason to exit 3", async () => {
      await enqueue(['photo_selfie'], { server: 'https://other.oz.example', account: sandbox.demo!.email });
      await enqueue();
      const sync = await run('sync', '--server', sandbox.url, '--email', sandbox.demo!.email, '--password-env', 'OZ_TEST_PASSWORD');
      expect(sync.code, sync.out).toBe(0);
      expect(sync.out).toMatch(/sent 1, quarantined 0, still queued 0; 1 more made for another server or account wait for it/);
    });
  });
});
