import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ProxyAgent } from 'undici';
import { undiciFetchVia } from '../../src/core/net/env-proxy-fetch.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOzClient } from '../../src/core/oz/index.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { makeTempDir, uniqueWideFace } from '../fixtures/corpus.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { createTestCa, type TestCa } from '../helpers/test-ca.js';

// A branch network: the Oz API has a name only the bank's proxy resolves, and a
// certificate from the bank's own CA. The CLI must get there through HTTPS_PROXY,
// trusting the CA through NODE_EXTRA_CA_CERTS, and nowhere else.
const HOST = 'oz.branch.test';
const repo = join(import.meta.dirname, '../..');

let ca: TestCa;
let sandbox: RunningSandbox;
let proxy: ForwardProxy;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: string;
let deadProxy: string;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI as IT runs it on a desk: a clean environment with only the proxy and CA variables given. */
function cli(args: readonly string[], network: { readonly proxy: string; readonly trustCa: boolean }): Promise<Run> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    ...(process.env['DBUS_SESSION_BUS_ADDRESS'] ? { DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] } : {}),
    OZ_EMAIL: sandbox.demo?.email ?? '',
    OZ_PASSWORD: sandbox.demo?.password ?? '',
    HTTPS_PROXY: network.proxy,
    NO_PROXY: '',
    ...(network.trustCa ? { NODE_EXTRA_CA_CERTS: ca.caFile } : {}),
  };
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/enroll-desk', ...args], { cwd: repo, env, timeout: 180_000 }, (err, stdout, stderr) => {
      const code = err ? (err as { code?: unknown }).code : 0;
      resolve({ code: typeof code === 'number' ? code : -1, stdout, stderr });
    });
  });
}

async function person(root: string, name: string, seed: number): Promise<void> {
  await mkdir(join(root, name), { recursive: true });
  await writeFile(join(root, name, `p${seed}.jpg`), await (await uniqueWideFace(seed)).jpeg().toBuffer());
}

/** The test's own view of the server, also only through the proxy and trusting the CA. */
async function personsOnServer(): Promise<number> {
  const dispatcher = new ProxyAgent({ uri: proxy.url, requestTls: { ca: ca.caPem } });
  const fetchImpl = undiciFetchVia(() => dispatcher);
  const { client, session } = createOzClient({ baseUrl: server, email: sandbox.demo?.email ?? '', password: sandbox.demo?.password ?? '', fetchImpl });
  await session.signIn();
  let n = 0;
  for await (const _ of client.iteratePersons(sandbox.demo?.collectionId ?? '')) n += 1;
  await dispatcher.close();
  return n;
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  ca = createTestCa('Branch Bank Inspection CA');
  sandbox = await startSandbox({ port: 0, dataDir: null, seedDemo: true, tls: ca.issue(HOST) });
  proxy = await startForwardProxy({ [HOST]: '127.0.0.1' });
  server = `https://${HOST}:${sandbox.port}`;
  deadProxy = `http://127.0.0.1:${await closedPort()}`;
  temp = await makeTempDir('enroll-desk-bank-network-');
  await person(join(temp.dir, 'first'), 'Alice Branch', 61);
  await person(join(temp.dir, 'first'), 'Bob Branch', 62);
  await person(join(temp.dir, 'later'), 'Carol Branch', 63);
}, 120_000);

afterAll(async () => {
  await proxy.close();
  await sandbox.close();
  await temp.cleanup();
  ca.remove();
});

describe('the CLI on a bank network (forward proxy + corporate CA)', () => {
  const consent = ['--consent-version', DEFAULT_CONSENT_TEXT_VERSION];
  const desk = (): string[] => ['--data', join(temp.dir, 'desk')];
  const collection = (): string[] => ['--collection-id', sandbox.demo?.collectionId ?? ''];

  it('without the CA: exits non-zero with the certificate message and queues nothing', { timeout: 180_000 }, async () => {
    const run = await cli(['import', join(temp.dir, 'first'), ...collection(), ...consent, '--server', server, ...desk()], { proxy: proxy.url, trustCa: false });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("the server's certificate is not trusted by this desk: it is signed by an authority this desk does not trust");
    expect(run.stderr).toMatch(/NODE_EXTRA_CA_CERTS/);
    expect(run.stderr).not.toMatch(/cannot be reached|offline/i);
    const queue = await cli(['queue', '--json', ...desk()], { proxy: proxy.url, trustCa: false });
    expect(JSON.parse(queue.stdout)).toMatchObject({ status: { pending: 0 } });
    expect(proxy.targets).toContain(`${HOST}:${sandbox.port}`);
  });

  it('with the CA in NODE_EXTRA_CA_CERTS: import enrolls through HTTPS_PROXY', { timeout: 180_000 }, async () => {
    const before = proxy.targets.length;
    const run = await cli(['import', join(temp.dir, 'first'), ...collection(), ...consent, '--server', server, '--json', ...desk()], { proxy: proxy.url, trustCa: true });
    expect(run.stderr).not.toMatch(/certificate/);
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ offline: false, counts: { persons: { enrolled: 2 } } });
    expect(proxy.targets.length).toBeGreaterThan(before);
    expect(await personsOnServer()).toBe(2);
  });

  it('sync sends what waited in the queue through the proxy; without the CA it pauses instead', { timeout: 240_000 }, async () => {
    // The proxy is down: the import keeps Carol in the offline queue.
    const offline = await cli(['import', join(temp.dir, 'later'), ...collection(), ...consent, '--server', server, '--json', ...desk()], { proxy: deadProxy, trustCa: true });
    expect(offline.code, `${offline.stdout}${offline.stderr}`).toBe(3);
    expect(JSON.parse(offline.stdout)).toMatchObject({ offline: true, counts: { persons: { queued: 1 } } });

    const untrusted = await cli(['sync', '--server', server, ...desk()], { proxy: proxy.url, trustCa: false });
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toContain("the server's certificate is not trusted by this desk");
    const waiting = JSON.parse((await cli(['queue', '--json', ...desk()], { proxy: proxy.url, trustCa: false })).stdout) as { status: { pending: number; counts: { quarantined: number } } };
    expect(waiting.status).toMatchObject({ pending: 1, counts: { quarantined: 0 } });

    const sync = await cli(['sync', '--server', server, '--json', ...desk()], { proxy: proxy.url, trustCa: true });
    expect(sync.code, `${sync.stdout}${sync.stderr}`).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ report: { sent: 1 }, status: { pending: 0 } });
    expect(await personsOnServer()).toBe(3);
    expect(new Set(proxy.targets)).toEqual(new Set([`${HOST}:${sandbox.port}`]));
  });

  it('refuses plain http to a non-loopback server with exit 2, asking for https, before any connection', { timeout: 120_000 }, async () => {
    const before = proxy.targets.length;
    const plain = 'http://oz.example.com';
    const runs = [
      await cli(['import', join(temp.dir, 'first'), ...collection(), ...consent, '--server', plain, ...desk()], { proxy: proxy.url, trustCa: true }),
      await cli(['sync', '--server', plain, ...desk()], { proxy: proxy.url, trustCa: true }),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('must use https://');
    }
    // Every request would have gone through this proxy: none did.
    expect(proxy.targets.length).toBe(before);
  });
});
