import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { OzError, OzErrorCode } from '../errors.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import { registerAnalysisRoutes } from '../routes/analysis-routes.js';
import { registerAuthRoutes } from '../routes/auth-routes.js';
import { registerCollectionRoutes } from '../routes/collection-routes.js';
import { registerCompanyRoutes } from '../routes/company-routes.js';
import { registerFolderDeletionRoutes } from '../routes/folder-deletion-routes.js';
import { registerFolderRoutes } from '../routes/folder-routes.js';
import { registerImageRoutes } from '../routes/image-routes.js';
import { registerPersonRoutes } from '../routes/person-routes.js';
import { registerStaticRoutes } from '../routes/static-routes.js';
import type { SandboxContext } from './context.js';

interface KnownRoute {
  readonly method: string;
  readonly pattern: RegExp;
}

const patternOf = (url: string): RegExp =>
  new RegExp(`^${url.replace(/\/+$/, '').replace(/:[^/]+/g, '[^/]+')}/?$`);

const errorCodeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;

// Fastify's own errors (body parsing, limits) become Oz envelopes too.
function toOzError(error: unknown): OzError {
  if (error instanceof OzError) return error;
  switch (errorCodeOf(error)) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new OzError(OzErrorCode.invalidStructure, 'request body is malformed or of an unsupported type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new OzError(OzErrorCode.invalidValue, 'request body too large', null, 413);
    default:
      return new OzError(OzErrorCode.unknown, 'internal server error');
  }
}

/** PEM certificate chain and key: the sandbox then speaks https only. */
export interface SandboxTls {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

export async function buildApp(ctx: SandboxContext, faults: FaultInjector, tls?: SandboxTls): Promise<FastifyInstance> {
  const options = { logger: false, routerOptions: { ignoreTrailingSlash: true } };
  // Fastify's https typing differs from its http one; the instance is used the same way.
  const app = (tls === undefined ? Fastify(options) : Fastify({ ...options, https: { cert: tls.cert, key: tls.key } })) as FastifyInstance;
  const known: KnownRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) known.push({ method: String(method), pattern: patternOf(route.url) });
  });
  await app.register(multipart);
  faults.install(app);

  app.setErrorHandler((error, _request, reply) => {
    const oz = toOzError(error);
    if (oz.code === OzErrorCode.unknown && !(error instanceof OzError)) console.error('sandbox: unexpected error', error);
    return reply.code(oz.httpStatus).send(oz.toBody());
  });

  // A known path with the wrong method is 405 (code 1); anything else is 404 (code 10).
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = known.filter((route) => route.pattern.test(path)).map((route) => route.method);
    const error =
      allowed.length > 0
        ? new OzError(OzErrorCode.notAllowed, `method ${request.method} not allowed`, { allowed })
        : new OzError(OzErrorCode.notExist, 'requested resource does not exist');
    if (allowed.length > 0) void reply.header('Allow', [...new Set(allowed)].join(', '));
    return reply.code(error.httpStatus).send(error.toBody());
  });

  registerAuthRoutes(app, ctx);
  registerCompanyRoutes(app, ctx);
  registerCollectionRoutes(app, ctx);
  registerPersonRoutes(app, ctx);
  registerImageRoutes(app, ctx);
  registerFolderRoutes(app, ctx);
  if (ctx.profile.folderDeletion) registerFolderDeletionRoutes(app, ctx);
  registerAnalysisRoutes(app, ctx);
  registerStaticRoutes(app, ctx, { withToken: true });
  return app;
}

/** The strict profile's second origin: image files only, no token asked. */
export async function buildMediaApp(ctx: SandboxContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } });
  app.setErrorHandler((error, _request, reply) => {
    const oz = toOzError(error);
    return reply.code(oz.httpStatus).send(oz.toBody());
  });
  app.setNotFoundHandler((_request, reply) => {
    const error = new OzError(OzErrorCode.notExist, 'requested resource does not exist');
    return reply.code(error.httpStatus).send(error.toBody());
  });
  registerStaticRoutes(app, ctx, { withToken: false });
  return app;
}
