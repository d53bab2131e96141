import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envProxyFetch, undiciFetchVia } from '../../src/core/net/env-proxy-fetch.js';
import { createOzClient, OzCertificateError, type FetchImpl } from '../../src/core/oz/index.js';
import { OzHttp } from '../../src/core/oz/oz-http.js';
import { openQueue } from '../../src/core/queue/index.js';
import { createSyncWorker } from '../../src/core/queue/sync-worker.js';
import { personMeta, photos, tempDir } from '../../src/core/queue/testing/queue-test-kit.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { json, startHostileServer, type HostileServer } from '../helpers/hostile-server.js';
import { createTestCa, type TestCa } from '../helpers/test-ca.js';

let ca: TestCa;
let trusting: Agent;
const servers: HostileServer[] = [];

const fetchVia = (dispatcher: () => Dispatcher): FetchImpl => undiciFetchVia(dispatcher);

beforeAll(() => {
  ca = createTestCa();
  trusting = new Agent({ connect: { ca: ca.caPem } });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await trusting.close();
  ca.remove();
});

async function httpsServer(cert: ReturnType<TestCa['issue']>): Promise<HostileServer> {
  const server = await startHostileServer((_req, res) => json(res, 200, []), cert);
  servers.push(server);
  return server;
}

async function failureOf(baseUrl: string, fetchImpl: FetchImpl): Promise<unknown> {
  return new OzHttp({ baseUrl, fetchImpl }).send({ method: 'GET', path: '/api/collections/' }).catch((e: unknown) => e);
}

describe('certificate failures are their own error, never "offline"', () => {
  it('an unknown CA (not in the trust store or NODE_EXTRA_CA_CERTS)', async () => {
    const server = await httpsServer(ca.issue('localhost'));
    const err = await failureOf(`https://localhost:${server.port}`, envProxyFetch());
    expect(err).toBeInstanceOf(OzCertificateError);
    expect((err as OzCertificateError).problem).toBe('untrusted');
    expect((err as OzCertificateError).toAppError()).toMatchObject({ code: 'CERTIFICATE' });
    expect((err as Error).message).toContain("the server's certificate is not trusted by this desk: it is signed by an authority this desk does not trust");
  });

  it('an expired certificate from a trusted CA', async () => {
    const server = await httpsServer(ca.issue('localhost', { days: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const err = await failureOf(`https://localhost:${server.port}`, fetchVia(() => trusting));
    expect(err).toBeInstanceOf(OzCertificateError);
    expect(err).toMatchObject({ problem: 'expired', causeCode: 'CERT_HAS_EXPIRED' });
  });

  it('a certificate for another host name', async () => {
    const server = await httpsServer(ca.issue('elsewhere.branch.test'));
    const err = await failureOf(`https://localhost:${server.port}`, fetchVia(() => trusting));
    expect(err).toBeInstanceOf(OzCertificateError);
    expect(err).toMatchObject({ problem: 'wrong-host', causeCode: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('recognises Chromium’s net::ERR_CERT_* failures (Electron net.fetch) the same way', async () => {
    const chromiumFetch = (() => Promise.reject(new Error('net::ERR_CERT_AUTHORITY_INVALID'))) as unknown as FetchImpl;
    const err = await failureOf('https://oz.branch.test', chromiumFetch);
    expect(err).toMatchObject({ name: 'OzCertificateError', problem: 'untrusted', causeCode: 'net::ERR_CERT_AUTHORITY_INVALID' });
  });

  it('pauses the queue (not offline, not retried, not quarantined) until the certificate is trusted again', { timeout: 60_000 }, async () => {
    const sandbox = await startSandbox({ port: 0, dataDir: null, seedDemo: true, tls: ca.issue('localhost') });
    const tmp = tempDir('cert-pause');
    const queue = await openQueue({ dataDir: tmp.dir, secretStore: new InMemorySecretStore() });
    const untrusting = new Agent();
    let trusted = true;
    try {
      const demo = sandbox.demo!;
      const { client, session } = createOzClient({
        baseUrl: `https://localhost:${sandbox.port}`,
        email: demo.email,
        password: demo.password,
        fetchImpl: fetchVia(() => (trusted ? trusting : untrusting)),
      });
      await session.signIn();
      await queue.enqueueCreatePerson({ collectionId: demo.collectionId, metaData: personMeta('Tess', 'Tls') }, await photos(1));
      // IT's inspection proxy now presents a certificate this desk does not trust.
      trusted = false;
      const worker = createSyncWorker({ scope: () => null, queue, getClient: () => client, backoff: { baseMs: 10, capMs: 50 } });
      const paused = await worker.syncNow();
      expect(paused).toMatchObject({ sent: 0, quarantined: 0, remaining: 1, stoppedBy: 'paused' });
      expect(worker.status()).toMatchObject({ pausedReason: 'certificate', counts: { quarantined: 0, ready: 1 } });
      expect(worker.status().connectivity).not.toBe('offline');
      expect(worker.status().pausedMessage).toContain("the server's certificate is not trusted by this desk");

      trusted = true;
      worker.resume();
      expect(await worker.syncNow()).toMatchObject({ sent: 1, remaining: 0, stoppedBy: 'drained' });
      await worker.stop();
    } finally {
      queue.close();
      await untrusting.close();
      await sandbox.close();
      tmp.remove();
    }
  });
});
