import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OzApiError, type OzClient } from '../../src/core/oz/index.js';
import { deletePerson } from '../../src/core/services/delete-person.js';
import { makePhoto } from '../helpers/make-jpeg.js';
import { signedInClient, startDemoSandbox, type Sandbox } from '../helpers/sandbox.js';

let sb: Sandbox;
let client: OzClient;
let collectionId: string;

beforeAll(async () => {
  sb = await startDemoSandbox();
  ({ client } = await signedInClient(sb));
  collectionId = sb.demo?.collectionId ?? '';
});
afterAll(() => sb.close());

/** A person whose photo `matches` COLLECTION analyses have matched. */
async function matchedPerson(seed: number, matches: number) {
  const photo = await makePhoto(seed);
  const person = await client.createPerson(collectionId, { photos: [photo] });
  const analysisIds: string[] = [];
  for (let i = 0; i < matches; i += 1) {
    const folder = await client.createFolder({ photos: [photo] });
    const [analysis] = await client.startCollectionAnalysis(folder.folderId, collectionId);
    analysisIds.push(analysis?.analysisId ?? '');
  }
  return { personId: person.personId, analysisIds };
}

describe('deletePerson use case', () => {
  it('reports the blocking analyses without deleting anything when not confirmed', async () => {
    const { personId, analysisIds } = await matchedPerson(201, 2);
    // A folder that matched nobody must not be reported.
    const other = await client.createFolder({ photos: [await makePhoto(299)] });
    await client.startCollectionAnalysis(other.folderId, collectionId);

    const outcome = await deletePerson(client, { collectionId, personId, confirmDeleteAnalyses: false });
    expect(outcome.status).toBe('blocked');
    if (outcome.status !== 'blocked') return;
    expect(outcome.analyses.map((a) => a.analysisId).sort()).toEqual([...analysisIds].sort());
    for (const a of outcome.analyses) {
      expect(a.confidence).toBe(1);
      expect(typeof a.folderCreated).toBe('number');
    }
    await expect(client.getPerson(collectionId, personId)).resolves.toMatchObject({ personId });
    await expect(client.getAnalysis(analysisIds[0] ?? '')).resolves.toMatchObject({ analysisId: analysisIds[0] });
  });

  it('deletes the analyses and then the person when confirmed', async () => {
    const { personId, analysisIds } = await matchedPerson(202, 2);
    const outcome = await deletePerson(client, { collectionId, personId, confirmDeleteAnalyses: true });
    expect(outcome.status).toBe('deleted');
    if (outcome.status !== 'deleted') return;
    expect(outcome.deletedAnalyses.map((a) => a.analysisId).sort()).toEqual([...analysisIds].sort());
    await expect(client.getPerson(collectionId, personId)).rejects.toMatchObject({ errorCode: 10 });
    await expect(client.getAnalysis(analysisIds[1] ?? '')).rejects.toMatchObject({ errorCode: 10 });
  });

  it('deletes an unmatched person directly and passes a missing person through as NOT EXIST', async () => {
    const { personId } = await matchedPerson(203, 0);
    await expect(deletePerson(client, { collectionId, personId, confirmDeleteAnalyses: false })).resolves.toEqual({
      status: 'deleted',
      deletedAnalyses: [],
    });
    const again = await deletePerson(client, { collectionId, personId, confirmDeleteAnalyses: true }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(OzApiError);
    expect((again as OzApiError).toAppError()).toMatchObject({ code: 'OZ_API', details: { httpStatus: 404, errorCode: 10 } });
  });
});
