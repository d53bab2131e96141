import type { FastifyInstance } from 'fastify';
import { assertManager } from '../auth/access-policy.js';
import { notFound } from '../errors.js';
import type { SandboxContext } from '../http/context.js';
import { visiblePerson } from '../http/lookups.js';
import { readImageUpload } from '../http/multipart-upload.js';
import { authenticate, param } from '../http/request-helpers.js';
import { listBody } from '../profile.js';
import { personImageJson } from '../store/persons-repo.js';

const imagesPath = '/api/collections/:collectionId/persons/:personId/images/';

export function registerImageRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(imagesPath, async (request, reply) => {
    const me = authenticate(ctx, request);
    const { person } = visiblePerson(ctx, me, param(request, 'collectionId'), param(request, 'personId'));
    assertManager(me, 'add photos');
    const upload = await readImageUpload(request, ctx.limits);
    const created = ctx.persons.addImages(person.person_id, upload.images);
    return reply.code(201).send(created.map((row) => personImageJson(row, ctx.mediaBaseUrl())));
  });

  app.get(imagesPath, async (request) => {
    const me = authenticate(ctx, request);
    const { person } = visiblePerson(ctx, me, param(request, 'collectionId'), param(request, 'personId'));
    const images = ctx.persons.images(person.person_id);
    const items = images.map((row) => personImageJson(row, ctx.mediaBaseUrl()));
    return ctx.profile.listTotals ? listBody(ctx.profile, items, items.length) : items;
  });

  app.delete(`${imagesPath}:imageId/`, async (request, reply) => {
    const me = authenticate(ctx, request);
    const { person } = visiblePerson(ctx, me, param(request, 'collectionId'), param(request, 'personId'));
    const image = ctx.persons.image(param(request, 'imageId'));
    if (image === null || image.person_id !== person.person_id) throw notFound('person image');
    assertManager(me, 'delete photos');
    ctx.persons.deleteImage(image.person_image_id, person.person_id);
    return reply.code(204).send();
  });
}
