import type { FastifyInstance } from 'fastify';
import { assertManager } from '../auth/access-policy.js';
import type { SandboxContext } from '../http/context.js';
import { visibleCollection, visiblePerson } from '../http/lookups.js';
import { metaDataOf, readImageUpload } from '../http/multipart-upload.js';
import { authenticate, pagingOf, param } from '../http/request-helpers.js';
import { personView } from '../http/views.js';
import { listBody, refusal } from '../profile.js';

const personsPath = '/api/collections/:collectionId/persons/';
const personPath = '/api/collections/:collectionId/persons/:personId/';

export function registerPersonRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(personsPath, async (request, reply) => {
    const me = authenticate(ctx, request);
    const collection = visibleCollection(ctx, me, param(request, 'collectionId'));
    assertManager(me, 'add persons');
    const upload = await readImageUpload(request, ctx.limits);
    const person = ctx.persons.create(collection.collection_id, metaDataOf(upload.payload, 'person:meta_data'), upload.images);
    return reply.code(201).send(personView(ctx, person));
  });

  app.get(personsPath, async (request) => {
    const me = authenticate(ctx, request);
    const collection = visibleCollection(ctx, me, param(request, 'collectionId'));
    const { limit, offset } = pagingOf(request);
    const page = ctx.persons.list(collection.collection_id, limit, offset);
    const images = ctx.persons.imagesOfPersons(page.items.map((p) => p.person_id));
    const items = page.items.map((p) => personView(ctx, p, images.get(p.person_id) ?? []));
    return listBody(ctx.profile, items, page.total);
  });

  app.get(personPath, async (request) => {
    const me = authenticate(ctx, request);
    const { person } = visiblePerson(ctx, me, param(request, 'collectionId'), param(request, 'personId'));
    return personView(ctx, person);
  });

  // A person some COLLECTION analysis matched cannot go until those analyses are deleted;
  // only their count is disclosed: the client finds them through the folders list.
  app.delete(personPath, async (request, reply) => {
    const me = authenticate(ctx, request);
    const { person } = visiblePerson(ctx, me, param(request, 'collectionId'), param(request, 'personId'));
    assertManager(me, 'delete persons');
    const related = ctx.analyses.relatedToPersons([person.person_id]);
    if (related.length > 0 && !ctx.cascadeDeletes) {
      throw refusal(ctx.profile, 'personReferenced', { related_analyses: related.length });
    }
    ctx.analyses.delete(related);
    ctx.persons.deletePersons([person.person_id]);
    return reply.code(204).send();
  });
}
