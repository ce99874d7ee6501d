import type { FastifyInstance } from 'fastify';
import { main } from '../main.ts';
import { isEmptyStore, loadDemo } from './load.ts';
import { demoUsersIn, loginLines } from './logins.ts';

/**
 * `pnpm start`: the server (embedded store in SHANZHI_DATA_DIR, default ./data; PORT, default
 * 3000), with the demo data loaded on first start (an empty store), then the URL and the demo
 * logins printed. A store set up for real (units, no demo users) starts as it is.
 */
async function startWithDemo(): Promise<void> {
  await main({
    async beforeListen(app) {
      if (!(await isEmptyStore(app.store))) return;
      app.log.info('empty store: loading the demo data');
      const added = await loadDemo({ store: app.store, runtime: app.runtime, clock: app.clock, newId: app.newId });
      app.log.info(added, 'demo data loaded');
    },
    async afterListen(app, address, config) {
      const url = localUrl(app, address);
      const lines = [
        '',
        `善治 Shanzhi 已启动 (server started): ${url}`,
        `接口文档 (API docs, OpenAPI): ${url}/docs`,
        `数据目录 (data dir): ${config.postgresUrl ? 'PostgreSQL' : config.mongodbUrl ? 'MongoDB' : config.dataDir}`,
        ...loginLines(await demoUsersIn(app.store)),
        '按 Ctrl+C 停止 (press Ctrl+C to stop)',
        '',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  });
}

/** The address to open in a browser: a wildcard host is reached on the loopback address. */
function localUrl(app: FastifyInstance, address: string): string {
  const bound = app.server.address();
  if (bound === null || typeof bound === 'string') return address;
  const host = bound.address === '0.0.0.0' || bound.address === '::' ? '127.0.0.1' : bound.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${bound.port}`;
}

startWithDemo().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
