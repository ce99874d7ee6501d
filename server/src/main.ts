import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '@shanzhi/store';
import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from './app.ts';
import { forkServers } from './cluster.ts';
import { type Config, loadConfig, mongoDbNameIn } from './config.ts';
import { timeOrderedId } from './ids.ts';

/**
 * PostgreSQL when SHANZHI_STORE names a database, MongoDB when SHANZHI_MONGODB_URL is set, else
 * the embedded SQLite file in the data dir (synchronous as configured).
 */
export async function openStore(
  config: Pick<Config, 'dataDir' | 'postgresUrl' | 'postgresPoolMax' | 'mongodbUrl' | 'mongodbDbName' | 'sqliteSynchronous'>,
): Promise<Store> {
  if (config.postgresUrl) {
    // Loaded only when asked for, like MongoDB's driver.
    const { createPostgresStore } = await import('@shanzhi/store/postgres');
    return createPostgresStore({ url: config.postgresUrl, ...(config.postgresPoolMax ? { pool: { max: config.postgresPoolMax } } : {}) });
  }
  if (config.mongodbUrl) {
    // Loaded only when asked for, so the embedded default never loads the MongoDB driver.
    const { createMongoStore } = await import('@shanzhi/store/mongodb');
    return createMongoStore({ url: config.mongodbUrl, dbName: config.mongodbDbName ?? mongoDbNameIn(config.mongodbUrl) });
  }
  mkdirSync(config.dataDir, { recursive: true });
  const { createSqliteStore } = await import('@shanzhi/store/sqlite');
  return createSqliteStore({
    file: join(config.dataDir, 'shanzhi.db'),
    ...(config.sqliteSynchronous ? { synchronous: config.sqliteSynchronous } : {}),
  });
}

/**
 * What a start script adds around listening (the demo start loads its data and prints the
 * logins). With several processes both run once, in the primary, around forking them.
 */
export interface StartHooks {
  /** The app is ready (store migrated) and not yet listening. */
  readonly beforeListen?: (app: FastifyInstance, config: Config) => Promise<void>;
  /** Listening at `address` (e.g. `http://127.0.0.1:3000`). */
  readonly afterListen?: (app: FastifyInstance, address: string, config: Config) => Promise<void> | void;
}

export async function main(hooks: StartHooks = {}): Promise<void> {
  const config = loadConfig();
  if (config.processes > 1 && cluster.isPrimary) return primary(config, hooks);
  const app = await appFor(config, true);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Fastify stops accepting, lets in-flight requests finish, then runs the onClose hooks
    // (commands drained, workers stopped, leases released, store closed).
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.ready();
  const own = cluster.isPrimary ? hooks : {};
  await own.beforeListen?.(app, config);
  const address = await app.listen({ port: config.port, host: config.host });
  await own.afterListen?.(app, address, config);
}

/**
 * SHANZHI_PROCESSES > 1: the primary migrates the store and runs the start script's set-up
 * once, on an app that never listens and runs no workers, then forks the serving processes.
 */
async function primary(config: Config, hooks: StartHooks): Promise<void> {
  const app = await appFor(config, false);
  await app.ready();
  await hooks.beforeListen?.(app, config);
  const serving = await forkServers(config.processes, app.log);
  await hooks.afterListen?.(app, serving.address, config);
  await app.close();
  await serving.stopped;
}

async function appFor(config: Config, serving: boolean): Promise<FastifyInstance> {
  return buildApp({
    store: await openStore(config),
    jwtSecret: config.jwtSecret,
    ...(config.jwksUrl ? { jwksUrl: config.jwksUrl } : {}),
    logger: loggerOptions(process.env.LOG_LEVEL ?? 'info'),
    newId: timeOrderedId,
    limits: config.limits,
    webDir: config.webDir,
    templatesDir: config.templatesDir,
    startWorkers: serving,
    workers: { owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` },
  });
}

// Runs when started as `tsx src/main.ts`, not when a start script imports it.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
