import { AppFailure } from '../../errors/app-failure.js';
import type { Collection, OzClient } from '../../oz/index.js';

export interface FindCollectionInput {
  readonly alias: string;
  /** Company name, to tell apart collections of the same alias (an admin sees several companies). */
  readonly company?: string | undefined;
  /** Create the collection when no collection has this alias. */
  readonly create?: boolean;
}

async function companyIdOf(client: OzClient, name: string): Promise<string> {
  const found = (await client.searchCompanies(name)).filter((c) => c.name.toLowerCase() === name.toLowerCase());
  if (found.length === 1 && found[0]) return found[0].companyId;
  if (found.length === 0) throw new AppFailure('NOT_FOUND', `No company named "${name}" is visible to this account.`);
  throw new AppFailure('CONFLICT', `Several companies are named "${name}".`);
}

/**
 * The collection an import goes into, by alias. Missing is an error with advice, never a
 * silent creation: a typo must not start a new, empty watchlist.
 */
export async function findCollection(client: OzClient, input: FindCollectionInput): Promise<Collection & { readonly created: boolean }> {
  const companyId = input.company === undefined ? null : await companyIdOf(client, input.company);
  const matches = (await client.listCollections()).filter((c) => c.alias === input.alias && (companyId === null || c.companyId === companyId));
  if (matches.length === 1 && matches[0]) return { ...matches[0], created: false };
  if (matches.length > 1) {
    throw new AppFailure('CONFLICT', `Several collections are called "${input.alias}": add --company <name> to choose one.`);
  }
  if (input.create !== true) {
    throw new AppFailure(
      'NOT_FOUND',
      `No collection "${input.alias}"${input.company ? ` in company "${input.company}"` : ''}. Check the alias, or add --create-collection to create it.`,
    );
  }
  let owner = companyId;
  if (owner === null) {
    const companies = await client.searchCompanies('');
    if (companies.length !== 1 || !companies[0]) throw new AppFailure('BAD_INPUT', 'To create a collection, name its company with --company <name>.');
    owner = companies[0].companyId;
  }
  return { ...(await client.createCollection({ alias: input.alias, companyId: owner })), created: true };
}
