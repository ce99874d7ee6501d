import type { Limits } from '@shanzhi/engine';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock, IdGenerator } from '../clock.ts';
import type { ServerMetrics } from '../metrics.ts';
import { createRuntime, type Runtime } from '../runtime/index.ts';
import type { WorkerOptions } from '../runtime/workers.ts';

declare module 'fastify' {
  interface FastifyInstance {
    runtime: Runtime;
    clock: Clock;
    newId: IdGenerator;
  }
}

export interface RuntimePluginOptions {
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly metrics: ServerMetrics;
  readonly workers: WorkerOptions;
  readonly limits?: Partial<Limits>;
}

/** The durable engine host, on the app as `app.runtime`, with the app's clock and id source and the national calendar seeded. */
const runtimePlugin: FastifyPluginAsync<RuntimePluginOptions> = async (app, o) => {
  app.decorate('clock', o.clock);
  app.decorate('newId', o.newId);
  const deps = { store: app.store, clock: o.clock, newId: o.newId, log: app.log, metrics: o.metrics, limits: o.limits };
  const runtime = createRuntime(deps, o.workers);
  app.decorate('runtime', runtime);
  // A fresh store counts working days by the national calendar from the first command on.
  await runtime.calendars.seedNational();
};

export default fp(runtimePlugin, { fastify: '5.x', name: 'shanzhi-runtime', dependencies: ['shanzhi-store'] });
