import type { FastifyInstance, FastifyRequest } from 'fastify';
import { companyScope } from '../auth/access-policy.js';
import type { SandboxContext } from '../http/context.js';
import { visibleFolder } from '../http/lookups.js';
import { metaDataOf, readImageUpload } from '../http/multipart-upload.js';
import { authenticate, pagingOf, param, stringParam } from '../http/request-helpers.js';
import { analysisView, folderView } from '../http/views.js';
import { listBody } from '../profile.js';
import { planCollectionAnalyses } from './analysis-request.js';

// analyse.type (also analyses.type) filters folders by the types of their analyses; comma lists allowed.
function analysisTypesFilter(request: FastifyRequest): readonly string[] | null {
  const raw = stringParam(request, 'analyse.type') ?? stringParam(request, 'analyses.type');
  if (raw === undefined || raw.trim() === '') return null;
  return raw.split(',').map((t) => t.trim().toUpperCase()).filter((t) => t !== '');
}

export function registerFolderRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/api/folders/', async (request, reply) => {
    const me = authenticate(ctx, request);
    const upload = await readImageUpload(request, ctx.limits);
    const folder = ctx.folders.create(me.companyId, me.userId, metaDataOf(upload.payload, 'folder:meta_data'), upload.images);
    return reply.code(201).send(folderView(ctx, folder, true));
  });

  app.get('/api/folders/', async (request) => {
    const me = authenticate(ctx, request);
    const { limit, offset } = pagingOf(request);
    const types = analysisTypesFilter(request);
    const page = ctx.folders.list({ companyId: companyScope(me), analysisTypes: types }, limit, offset);
    const withAnalyses = stringParam(request, 'with_analyses') === 'true';
    return listBody(ctx.profile, page.items.map((f) => folderView(ctx, f, withAnalyses)), page.total);
  });

  // Default profile: a single folder always embeds its analyses; strict: only with with_analyses=true.
  app.get('/api/folders/:folderId/', async (request) => {
    const me = authenticate(ctx, request);
    const withAnalyses = ctx.profile.folderEmbedsAnalyses || stringParam(request, 'with_analyses') === 'true';
    return folderView(ctx, visibleFolder(ctx, me, param(request, 'folderId')), withAnalyses);
  });

  app.post('/api/folders/:folderId/analyses/', async (request, reply) => {
    const me = authenticate(ctx, request);
    const folder = visibleFolder(ctx, me, param(request, 'folderId'));
    const ids = ctx.analyses.createCollectionAnalyses(planCollectionAnalyses(ctx, me, folder, request.body));
    const rows = ids.map((id) => ctx.analyses.get(id)).filter((row) => row !== null);
    return reply.code(201).send(rows.map((row) => analysisView(ctx, row)));
  });
}
