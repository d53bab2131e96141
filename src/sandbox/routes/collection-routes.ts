import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertManager, companyScope } from '../auth/access-policy.js';
import { forbidden, OzError, OzErrorCode } from '../errors.js';
import { listBody, refusal } from '../profile.js';
import type { SandboxContext } from '../http/context.js';
import { visibleCollection } from '../http/lookups.js';
import { authenticate, pagingOf, param, parseWith, stringParam } from '../http/request-helpers.js';
import { collectionJson, type CollectionRow } from '../store/collections-repo.js';

const createBody = z.object({
  alias: z.string().trim().min(1, 'must not be empty'),
  company_id: z.string(),
  meta_data: z.record(z.string(), z.unknown()).nullable().optional(),
});

// Strict mode refuses while persons remain; cascade mode removes them and analyses naming them.
function deleteCollection(ctx: SandboxContext, collection: CollectionRow): void {
  const personIds = ctx.persons.personIdsOf(collection.collection_id);
  if (personIds.length > 0 && !ctx.cascadeDeletes) {
    throw refusal(ctx.profile, 'collectionNotEmpty', { persons: personIds.length });
  }
  ctx.analyses.delete(ctx.analyses.relatedToPersons(personIds));
  ctx.persons.deletePersons(personIds);
  ctx.collections.delete(collection.collection_id);
}

export function registerCollectionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/api/collections/', async (request, reply) => {
    const me = authenticate(ctx, request);
    assertManager(me, 'create collections');
    const body = parseWith(createBody, request.body, 'body');
    if (me.userType === 'CLIENT' && body.company_id !== me.companyId) {
      throw forbidden('user may not create collections in another company');
    }
    if (ctx.users.company(body.company_id) === null) {
      throw new OzError(OzErrorCode.invalidValue, 'company_id names no company', { field: 'company_id' });
    }
    const created = ctx.collections.create(body.alias, body.company_id, body.meta_data ?? null);
    return reply.code(201).send(collectionJson(created, ctx.profile));
  });

  app.get('/api/collections/', async (request) => {
    const me = authenticate(ctx, request);
    const { limit, offset } = pagingOf(request);
    const scope = companyScope(me);
    const requested = stringParam(request, 'company_id');
    if (scope !== null && requested !== undefined && requested !== scope) return listBody(ctx.profile, [], 0);
    const page = ctx.collections.list(requested ?? scope, limit, offset);
    return listBody(ctx.profile, page.items.map((row) => collectionJson(row, ctx.profile)), page.total);
  });

  app.get('/api/collections/:collectionId/', async (request) => {
    const me = authenticate(ctx, request);
    return collectionJson(visibleCollection(ctx, me, param(request, 'collectionId')), ctx.profile);
  });

  app.delete('/api/collections/:collectionId/', async (request, reply) => {
    const me = authenticate(ctx, request);
    const collection = visibleCollection(ctx, me, param(request, 'collectionId'));
    assertManager(me, 'delete collections');
    deleteCollection(ctx, collection);
    return reply.code(204).send();
  });
}
