import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openQueue } from '../../core/queue/index.js';
import { personMeta, photos, tempDir } from '../../core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../../core/secrets/in-memory-secret-store.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { testSandboxProfile } from '../../../test/helpers/sandbox-profile.js';
import { registerQueueCommand } from './queue-command.js';
import { registerSyncCommand } from './sync-command.js';

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

  async function enqueue(tags: readonly string[] = ['photo_selfie']): Promise<void> {
    const queue = await openQueue({ dataDir: tmp.dir, secretStore: secrets });
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
});
