import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index.js';
import { OzTestClient } from './testing/oz-test-client.js';
import { blockImage } from './testing/test-images.js';

let dir: string | undefined;
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('persistence in a data folder', () => {
  it('keeps the demo account, persons, photos, analyses and tokens across a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'oz-sandbox-'));
    sandbox = await startSandbox({ dataDir: dir, seedDemo: true });
    const demo = sandbox.demo!;
    expect(JSON.parse(readFileSync(join(dir, 'demo-credentials.json'), 'utf8')).password).toBe(demo.password);
    const client = new OzTestClient(sandbox.url);
    await client.login(demo.email, demo.password);
    const photo = await blockImage();
    const person = (
      await client.upload(`/api/collections/${demo.collectionId}/persons/`, [{ field: 'a', bytes: photo }], {
        'person:meta_data': { enrollment: { id: 'e-1' } },
      })
    ).body;
    const folder = (await client.upload('/api/folders/', [{ field: 'probe', bytes: photo }])).body;
    await client.postJson(`/api/folders/${folder.folder_id}/analyses/`, { analyses: [{ type: 'collection', collection_id: demo.collectionId }] });
    await sandbox.close();

    sandbox = await startSandbox({ dataDir: dir, seedDemo: true });
    expect(sandbox.demo).toEqual(demo);
    const again = new OzTestClient(sandbox.url);
    again.token = client.token;
    const persons = await again.get(`/api/collections/${demo.collectionId}/persons/`);
    expect(persons.body.total).toBe(1);
    expect(persons.body.items[0]).toMatchObject({ person_id: person.person_id, meta_data: { enrollment: { id: 'e-1' } } });
    const url = persons.body.items[0].images[0].original_url;
    expect(url.startsWith(sandbox.url)).toBe(true);
    const bytes = await fetch(url, { headers: { 'X-Forensic-Access-Token': again.token! } });
    expect(Buffer.from(await bytes.arrayBuffer()).equals(photo)).toBe(true);
    expect((await again.get(`/api/folders/${folder.folder_id}`)).body.analyses[0].resolution).toBe('DECLINED');
    expect((await again.get('/api/collections/')).body.total).toBe(1);
  });

  it('keeps nothing in memory mode', async () => {
    sandbox = await startSandbox({ seedDemo: true });
    const first = sandbox.demo!;
    await sandbox.close();
    sandbox = await startSandbox({ seedDemo: true });
    expect(sandbox.demo!.companyId).not.toBe(first.companyId);
    expect(sandbox.demo!.password).not.toBe(first.password);
  });
});
