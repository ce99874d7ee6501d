import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@shanzhi/store';
import { buildApp, loggerOptions } from './app.ts';
import { type Config, loadConfig } from './config.ts';

/** MongoDB when SHANZHI_MONGODB_URL is set, else the embedded SQLite file in the data dir. */
async function openStore(config: Config): Promise<Store> {
  if (config.mongodbUrl) {
    // Loaded by name only when asked for, so the embedded default needs no MongoDB driver.
    const specifier = '@shanzhi/store/mongodb';
    const mongo = (await import(specifier)) as { createMongoStore(o: { url: string }): Store | Promise<Store> };
    return mongo.createMongoStore({ url: config.mongodbUrl });
  }
  mkdirSync(config.dataDir, { recursive: true });
  const { createSqliteStore } = await import('@shanzhi/store/sqlite');
  return createSqliteStore({
    file: join(config.dataDir, 'shanzhi.db'),
    ...(config.sqliteSynchronous ? { synchronous: config.sqliteSynchronous } : {}),
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config);
  const app = await buildApp({
    store,
    jwtSecret: config.jwtSecret,
    ...(config.jwksUrl ? { jwksUrl: config.jwksUrl } : {}),
    logger: loggerOptions(process.env.LOG_LEVEL ?? 'info'),
    newId: randomUUID,
    startWorkers: true,
    workers: { owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` },
  });

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

  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
