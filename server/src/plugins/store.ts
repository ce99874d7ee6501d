import type { Store } from '@shanzhi/store';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** True once the store's migrations have run at this start. */
    storeReady: boolean;
  }
}

/** The storage port, migrated before the server takes requests. Closing is app.ts's shutdown order. */
const storePlugin: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.decorate('store', store);
  app.decorate('storeReady', false);
  await store.migrate();
  app.storeReady = true;
};

export default fp(storePlugin, { fastify: '5.x', name: 'shanzhi-store' });
