import type { FastifyInstance } from 'fastify';
import { assertManager } from '../auth/access-policy.js';
import type { SandboxContext } from '../http/context.js';
import { visibleFolder } from '../http/lookups.js';
import { authenticate, param } from '../http/request-helpers.js';

// Our choice: the Oz docs name no folder deletion; company admins may delete a folder with
// its media and analyses, like the "deletes files in folders" right of CLIENT ADMIN.
export function registerFolderDeletionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.delete('/api/folders/:folderId/', async (request, reply) => {
    const me = authenticate(ctx, request);
    const folder = visibleFolder(ctx, me, param(request, 'folderId'));
    assertManager(me, 'delete folders');
    ctx.folders.delete(folder.folder_id);
    return reply.code(204).send();
  });
}
