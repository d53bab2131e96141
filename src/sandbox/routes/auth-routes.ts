import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../http/context.js';
import { accessTokenOf, parseWith } from '../http/request-helpers.js';

const loginBody = z.object({ credentials: z.object({ email: z.string(), password: z.string() }) });
const refreshBody = z.object({ expire_token: z.string() });

export function registerAuthRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/api/authorize/auth/', async (request) => {
    const body = parseWith(loginBody, request.body, 'body');
    return ctx.tokens.login(body.credentials.email, body.credentials.password);
  });

  app.post('/api/authorize/refresh/', async (request) => {
    const body = parseWith(refreshBody, request.body, 'body');
    return ctx.tokens.refresh(accessTokenOf(request), body.expire_token);
  });
}
