import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock.ts';
import type { ServerMetrics } from '../metrics.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ServerMetrics;
  }
}

/**
 * Prometheus text at GET /metrics: requests by route and status, engine commands by outcome,
 * worker jobs, tasks opened and closed, incidents, and, read from the store at scrape time, the
 * number of due jobs, the lag of the oldest one, and the open tasks in all and per procedure.
 */
const metricsPlugin: FastifyPluginAsync<{ metrics: ServerMetrics; clock: Clock }> = async (app, { metrics, clock }) => {
  app.decorate('metrics', metrics);
  metrics.registry.gauge('shanzhi_jobs_due', 'Jobs due now and not yet run (timers, outbox, external).', async () =>
    app.store.jobs.countDue(clock.now()),
  );
  metrics.registry.gauge('shanzhi_job_lag_seconds', 'How long the oldest due job has waited.', async () => {
    const now = clock.now();
    const oldest = await app.store.jobs.oldestDue(now);
    return oldest === undefined ? 0 : Math.max(0, (now - oldest) / 1000);
  });
  metrics.registry.gauge('shanzhi_tasks_open', 'Open user tasks.', async () => (await app.store.tasks.countOpen()).total);
  metrics.registry.gauge('shanzhi_tasks_open_by_definition', 'Open user tasks per process definition key.', async () =>
    Object.entries((await app.store.tasks.countOpen()).byDefinition).map(([key, open]) => ({
      labels: { definition_key: key },
      value: open,
    })),
  );
  app.addHook('onResponse', async (request, reply) => {
    metrics.requests({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await metrics.registry.text());
  });
};

export default fp(metricsPlugin, { fastify: '5.x', name: 'shanzhi-metrics', dependencies: ['shanzhi-store'] });
