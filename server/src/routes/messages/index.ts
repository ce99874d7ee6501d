import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiError } from '../../errors.ts';
import { assertCanSomewhere, principal } from '../../plugins/tenancy.ts';
import { errors } from '../common.ts';
import { MessageBody, MessageResult, SignalBody, SignalResult } from './schemas.ts';

/** Publish a message (correlated by name and key within your units) or broadcast a signal. */
const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'Correlate a message to the first instance waiting for it, else start a process with that message start event',
        body: MessageBody,
        response: { 200: MessageResult, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const reach = assertCanSomewhere(p, 'message:send');
      const b = request.body;
      const delivered = await app.runtime.correlation.message({
        name: b.name,
        reach,
        actor: p.id,
        ...(b.correlationKey === undefined ? {} : { correlationKey: b.correlationKey }),
        ...(b.variables ? { variables: b.variables } : {}),
      });
      if (!delivered) throw new ApiError('SZ_MESSAGE_NOT_CORRELATED', { name: b.name });
      return delivered;
    },
  );

  app.post(
    '/signals',
    {
      schema: {
        tags: ['messages'],
        summary: 'Broadcast a signal to every instance in your units waiting for it',
        body: SignalBody,
        response: { 200: SignalResult, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const p = principal(request);
      const reach = assertCanSomewhere(p, 'signal:send');
      return app.runtime.correlation.signal({
        name: request.body.name,
        reach,
        actor: p.id,
        ...(request.body.variables ? { variables: request.body.variables } : {}),
      });
    },
  );
};

export default messageRoutes;
