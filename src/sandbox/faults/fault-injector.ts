import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OzError, OzErrorCode } from '../errors.js';
import { noFaults, parseFaultSpec, type FaultConfig } from './fault-spec.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Login and refresh stay reliable so a client can always recover; latency hits every route.
const isAuthRoute = (request: FastifyRequest): boolean => request.url.startsWith('/api/authorize/');

export class FaultInjector {
  private config: FaultConfig = noFaults;
  private anchorMs = Date.now();
  private readonly failedEarly = new WeakSet<FastifyRequest>();

  constructor(private readonly random: () => number = Math.random) {}

  set(spec: string | null | undefined): void {
    this.config = parseFaultSpec(spec);
    this.anchorMs = Date.now();
  }

  // Start of the current forced-expiry window, or null before the first window ends.
  forcedExpiryBoundaryMs(): number | null {
    const period = this.config.expireEveryMs;
    if (period === null) return null;
    const windows = Math.floor((Date.now() - this.anchorMs) / period);
    return windows === 0 ? null : this.anchorMs + windows * period;
  }

  private scopedErrorHits(request: FastifyRequest): boolean {
    return this.config.scopedServerErrors.some(
      (rule) => request.method === rule.method && request.url.startsWith(rule.pathPrefix) && this.random() < rule.rate,
    );
  }

  install(app: FastifyInstance): void {
    app.addHook('onRequest', async () => {
      const latency = this.config.latencyMs;
      if (latency !== null) await sleep(latency.min + this.random() * (latency.max - latency.min));
    });
    // Before the handler: nothing has been committed when these fire.
    app.addHook('preHandler', async (request, reply) => {
      if (isAuthRoute(request)) return;
      const tooMany = this.config.tooManyRequests;
      if (tooMany !== null && this.random() < tooMany.rate) {
        this.failedEarly.add(request);
        const error = new OzError(OzErrorCode.unknown, 'too many requests (injected fault)', null, 429);
        return reply.code(429).header('Retry-After', String(tooMany.retryAfterSeconds)).send(error.toBody());
      }
      if (this.random() < this.config.serverErrorRate || this.scopedErrorHits(request)) {
        this.failedEarly.add(request);
        const error = new OzError(OzErrorCode.unknown, 'internal server error (injected fault)');
        return reply.code(this.config.serverErrorStatus).send(error.toBody());
      }
      return undefined;
    });
    // After the handler: the change is committed, the client only loses the answer.
    app.addHook('onSend', async (request, _reply, payload) => {
      if (!isAuthRoute(request) && !this.failedEarly.has(request) && this.random() < this.config.resetRate) {
        request.raw.socket.destroy();
      }
      return payload;
    });
  }
}
