import type { FastifyInstance } from 'fastify';
import { canSeeCompany } from '../auth/access-policy.js';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../errors.js';
import type { SandboxContext } from '../http/context.js';
import { authenticate, param } from '../http/request-helpers.js';
import { extensionOf, type ImageMime } from '../media/image-format.js';
import { mediaKey, mediaThumbKey } from '../store/folders-repo.js';
import { originalKey, thumbKey } from '../store/persons-repo.js';

interface StoredFile {
  readonly key: string;
  readonly mime: ImageMime | 'image/jpeg';
}

const fileName = /^([0-9a-f-]{36})(_thumb)?\.(jpg|png)$/;

// `me` null: the token-less media listener, where the random file name is the only key.
type Viewer = Principal | null;

const mayView = (me: Viewer, companyId: string | null): boolean => me === null || canSeeCompany(me, companyId);

function personImageFile(ctx: SandboxContext, me: Viewer, id: string, thumb: boolean, ext: string): StoredFile | null {
  const image = ctx.persons.image(id);
  const person = image === null ? null : ctx.persons.get(image.person_id);
  const collection = person === null ? null : ctx.collections.get(person.collection_id);
  if (image === null || collection === null || !mayView(me, collection.company_id)) return null;
  if (thumb) return ext === 'jpg' ? { key: thumbKey(id), mime: 'image/jpeg' } : null;
  return ext === extensionOf(image.mime) ? { key: originalKey(id), mime: image.mime } : null;
}

function mediaFile(ctx: SandboxContext, me: Viewer, id: string, thumb: boolean, ext: string): StoredFile | null {
  const media = ctx.folders.mediaItem(id);
  const folder = media === null ? null : ctx.folders.get(media.folder_id);
  if (media === null || folder === null || !mayView(me, folder.company_id)) return null;
  if (thumb) return ext === 'jpg' ? { key: mediaThumbKey(id), mime: 'image/jpeg' } : null;
  return ext === extensionOf(media.mime) ? { key: mediaKey(id), mime: media.mime } : null;
}

/**
 * On the API origin, image bytes go only to authenticated callers who may see the owning
 * company. The strict profile's media listener (`withToken: false`) serves them to anyone
 * who knows the random URL, as an Oz media host configured apart from the API may.
 */
export function registerStaticRoutes(app: FastifyInstance, ctx: SandboxContext, opts: { readonly withToken: boolean }): void {
  app.get('/static/:kind/:file', async (request, reply) => {
    const me = opts.withToken ? authenticate(ctx, request) : null;
    const match = fileName.exec(param(request, 'file'));
    if (match === null) throw notFound('file');
    const [, id = '', thumb, ext = ''] = match;
    const kind = param(request, 'kind');
    const file =
      kind === 'person_images'
        ? personImageFile(ctx, me, id, thumb !== undefined, ext)
        : kind === 'media'
          ? mediaFile(ctx, me, id, thumb !== undefined, ext)
          : null;
    const bytes = file === null ? null : ctx.blobs.get(file.key);
    if (file === null || bytes === null) throw notFound('file');
    return reply.type(file.mime).header('Cache-Control', 'private, no-store').send(bytes);
  });
}
