import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ApiError } from '../../errors.ts';
import { errors } from '../common.ts';

const Status = Type.Object({ status: Type.String() });

/** Liveness (the process answers) and readiness (the store answers and is migrated). */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { config: { public: true }, schema: { tags: ['operations'], response: { 200: Status } } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/ready',
    { config: { public: true }, schema: { tags: ['operations'], response: { 200: Status, ...errors(503) } } },
    async (request) => {
      if (!app.storeReady) throw new ApiError('SZ_NOT_READY/migrations');
      try {
        await app.store.units.byPath('/');
      } catch (error) {
        request.log.warn({ err: error }, 'store not reachable');
        throw new ApiError('SZ_NOT_READY');
      }
      return { status: 'ready' };
    },
  );
};

export default healthRoutes;
