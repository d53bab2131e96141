import type { FastifyInstance } from 'fastify';
import { assertManager } from '../auth/access-policy.js';
import type { SandboxContext } from '../http/context.js';
import { visibleAnalysis } from '../http/lookups.js';
import { authenticate, param } from '../http/request-helpers.js';
import { analysisView } from '../http/views.js';

export function registerAnalysisRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/api/analyses/:analyseId/', async (request) => {
    const me = authenticate(ctx, request);
    return analysisView(ctx, visibleAnalysis(ctx, me, param(request, 'analyseId')));
  });

  app.delete('/api/analyses/:analyseId/', async (request, reply) => {
    const me = authenticate(ctx, request);
    const analysis = visibleAnalysis(ctx, me, param(request, 'analyseId'));
    assertManager(me, 'delete analyses');
    ctx.analyses.delete([analysis.analyse_id]);
    return reply.code(204).send();
  });
}
