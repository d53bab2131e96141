import type { FastifyInstance } from 'fastify';
import { companyScope } from '../auth/access-policy.js';
import type { SandboxContext } from '../http/context.js';
import { listBody } from '../profile.js';
import { authenticate, pagingOf, stringParam } from '../http/request-helpers.js';

export function registerCompanyRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/api/companies/', async (request) => {
    const me = authenticate(ctx, request);
    const { limit, offset } = pagingOf(request);
    const all = ctx.users.searchCompanies(stringParam(request, 'search_text') ?? '', companyScope(me));
    return listBody(ctx.profile, all.slice(offset, offset + limit), all.length);
  });
}
