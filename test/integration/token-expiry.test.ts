import { afterEach, expect, it } from 'vitest';
import type { OzClient } from '../../src/core/oz/index.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

let sb: Sandbox | null = null;
afterEach(async () => {
  await sb?.close();
  sb = null;
});

const CALLS = 200;
const WORKERS = 4;

/** 200 mixed reads from 4 concurrent workers; `between(n)` runs before call n. */
async function run(client: OzClient, collectionId: string, between: (n: number) => void): Promise<number> {
  let next = 0;
  let succeeded = 0;
  const calls = [
    () => client.listCollections(),
    () => client.getCollection(collectionId),
    () => client.listPersons(collectionId, { limit: 5, offset: 0 }),
    () => client.searchCompanies('Demo'),
  ];
  const worker = async (): Promise<void> => {
    while (next < CALLS) {
      const n = next++;
      between(n);
      await (calls[n % calls.length] as () => Promise<unknown>)();
      succeeded += 1;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return succeeded;
}

it('hides forced token expiry in the middle of a 200-call run from the caller', async () => {
  sb = await startDemoSandbox();
  const server = sb;
  const { client, session } = await signedInClient(server);
  const succeeded = await run(client, server.demo?.collectionId ?? '', (n) => {
    if (n > 0 && n % 50 === 0) server.expireAllTokens();
  });
  expect(succeeded).toBe(CALLS);
  const stats = session.stats();
  // Every forced expiry needs at least one renewal; concurrent failures share it.
  expect(stats.refreshes + stats.reLogins).toBeGreaterThanOrEqual(3);
  expect(stats.refreshes + stats.reLogins).toBeLessThan(3 * WORKERS + 1);
});

it('survives short-lived tokens and periodic expiry windows', async () => {
  sb = await startDemoSandbox({ tokenTtlSeconds: 1, faults: 'expire=100ms,latency=0-5' });
  const { client, session } = await signedInClient(sb);
  const succeeded = await run(client, sb.demo?.collectionId ?? '', () => undefined);
  expect(succeeded).toBe(CALLS);
  expect(session.stats().refreshes + session.stats().reLogins).toBeGreaterThanOrEqual(1);
});
