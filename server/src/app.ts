import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Limits } from '@shanzhi/engine';
import type { Store } from '@shanzhi/store';
import { readTemplateLibrary } from '@shanzhi/template-kit/folder';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type Clock, type IdGenerator, systemClock } from './clock.ts';
import { timeOrderedId } from './ids.ts';
import { Metrics, serverMetrics } from './metrics.ts';
import authPlugin, { type AuthOptions } from './plugins/auth.ts';
import errorsPlugin from './plugins/errors.ts';
import metricsPlugin from './plugins/metrics.ts';
import runtimePlugin from './plugins/runtime.ts';
import storePlugin from './plugins/store.ts';
import tenancyPlugin from './plugins/tenancy.ts';
import webApp from './plugins/webApp.ts';
import auditRoutes from './routes/audit/index.ts';
import authRoutes from './routes/auth/index.ts';
import calendarRoutes from './routes/calendars/index.ts';
import { ErrorBody } from './routes/common.ts';
import delegationRoutes from './routes/delegations/index.ts';
import deploymentRoutes from './routes/deployments/index.ts';
import feelRoutes from './routes/feel/index.ts';
import formRoutes from './routes/forms/index.ts';
import healthRoutes from './routes/health/index.ts';
import instanceRoutes from './routes/instances/index.ts';
import jobRoutes from './routes/jobs/index.ts';
import messageRoutes from './routes/messages/index.ts';
import notificationRoutes from './routes/notifications/index.ts';
import objectionRoutes from './routes/objections/index.ts';
import orgRoutes from './routes/org/index.ts';
import pairingRoutes from './routes/pairing/index.ts';
import publicRoutes from './routes/public/index.ts';
import registerRoutes from './routes/registers/index.ts';
import taskRoutes from './routes/tasks/index.ts';
import signerRoutes from './routes/tasks/signers.ts';
import toolkitRoutes from './routes/tasks/toolkit.ts';
import templateRoutes from './routes/templates/index.ts';
import webhookRoutes from './routes/webhooks/index.ts';
import type { WorkerOptions } from './runtime/workers.ts';

export interface AppOptions {
  readonly store: Store;
  readonly jwtSecret: string;
  readonly jwksUrl?: string;
  /** Tests pass a clock they move; default: the wall clock. */
  readonly clock?: Clock;
  /** Default: timeOrderedId (ids.ts). */
  readonly newId?: IdGenerator;
  /** pino options, or false for none (tests). */
  readonly logger?: boolean | NonNullable<FastifyServerOptions['logger']>;
  readonly workers?: Partial<WorkerOptions>;
  /** Run the timer/outbox loop (main does); otherwise call app.runtime.workers.runDue(). */
  readonly startWorkers?: boolean;
  /** Close the store when the app closes (default true). */
  readonly closeStore?: boolean;
  readonly auth?: Pick<AuthOptions, 'accessTtlSec' | 'refreshTtlSec' | 'loginLimits'>;
  /** What one engine command may cause (Config.limits); default the engine's DEFAULT_LIMITS. */
  readonly limits?: Partial<Limits>;
  /** The built web app to serve at `/` (Config.webDir); none: the server answers the API only. */
  readonly webDir?: string;
  /** The template library to import as the app starts (Config.templatesDir); none: the store's templates only. */
  readonly templatesDir?: string;
}

/**
 * Logs carry request ids and record ids, never personal data: no bodies, no variables, no
 * query strings (search text), no addresses, no tokens; anything that slips into a log object
 * under these names is censored.
 */
const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'body',
  'variables',
  'password',
  'token',
  'refreshToken',
  'phone',
  'idNumber',
  '*.body',
  '*.variables',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.phone',
  '*.idNumber',
];

export function loggerOptions(level = 'info') {
  return {
    level,
    redact: { paths: LOG_REDACT, censor: '[redacted]' },
    serializers: {
      req: (req: { id?: string; method?: string; url?: string; routeOptions?: { url?: string } }) => ({
        id: req.id,
        method: req.method,
        route: req.routeOptions?.url ?? req.url?.split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** The Fastify app without a listening socket: main listens, tests inject. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? timeOrderedId;
  const logger = options.logger === true ? loggerOptions() : (options.logger ?? false);
  const app = Fastify({
    logger,
    genReqId: () => newId(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const metrics = serverMetrics(new Metrics());
  app.addSchema(ErrorBody);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(storePlugin, { store: options.store });
  await app.register(tenancyPlugin);
  await app.register(runtimePlugin, {
    clock,
    newId,
    metrics,
    workers: { owner: `server:${randomUUID()}`, ...options.workers },
    ...(options.limits ? { limits: options.limits } : {}),
  });
  await app.register(authPlugin, {
    secret: options.jwtSecret,
    clock,
    newId,
    ...(options.jwksUrl ? { jwksUrl: options.jwksUrl } : {}),
    ...options.auth,
  });
  await app.register(metricsPlugin, { metrics, clock });
  await app.register(swagger, {
    // Components keep their schema $id (`Error`), so the generated client names them too.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      info: {
        title: '善治 Shanzhi API',
        version: '0.1.0',
        description: 'Workflow and forms engine for town and village governance. Errors: docs/errors.md.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(swaggerUi, { routePrefix: '/docs' });
  });

  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes, { prefix: '/auth' });
      await api.register(orgRoutes, { prefix: '/org' });
      await api.register(deploymentRoutes);
      await api.register(feelRoutes);
      await api.register(formRoutes);
      await api.register(instanceRoutes);
      await api.register(messageRoutes);
      await api.register(taskRoutes);
      await api.register(toolkitRoutes);
      await api.register(signerRoutes);
      await api.register(jobRoutes);
      await api.register(auditRoutes);
      await api.register(calendarRoutes);
      await api.register(delegationRoutes);
      await api.register(notificationRoutes);
      await api.register(webhookRoutes);
      await api.register(objectionRoutes);
      await api.register(templateRoutes);
      await api.register(registerRoutes);
      await api.register(pairingRoutes);
      await api.register(publicRoutes, { prefix: '/public', secret: options.jwtSecret });
    },
    { prefix: '/api' },
  );
  if (options.webDir) await app.register(webApp, { root: options.webDir });
  const library = options.templatesDir;
  // The library's versions are kept as they are read; one kept already is left as it is.
  if (library)
    app.addHook('onReady', async () => void (await app.runtime.templates.importLibrary(readTemplateLibrary(library), 'system:library')));

  // Shutdown order: no new commands, long polls answered, in-flight commands finished, workers
  // stopped and their leases given back, then the store closed.
  app.addHook('onClose', async () => {
    await app.runtime.stop();
    if (options.closeStore !== false) await app.store.close();
  });
  if (options.startWorkers) {
    app.addHook('onReady', async () => {
      app.runtime.workers.start();
      app.runtime.reminders.start();
    });
  }
  return app;
}
