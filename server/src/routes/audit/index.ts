import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ApiError } from '../../errors.ts';
import { assertCan, assertCanSomewhere, principal } from '../../plugins/tenancy.ts';
import { errors } from '../common.ts';

export const VerifyResult = Type.Object({
  ok: Type.Boolean({ description: 'True when every event chain checked verifies' }),
  firstBroken: Type.Optional(
    Type.Object({
      instanceId: Type.String(),
      seq: Type.Integer({ description: 'The first event whose link does not hold' }),
      reason: Type.String(),
    }),
  ),
});

const VerifyQuery = Type.Object(
  { instanceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);

/** Recomputes the event hash chains (every instance, or one) and names the first broken link: auditors and town admins. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit trail',
        querystring: VerifyQuery,
        response: { 200: VerifyResult, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const one = request.query.instanceId;
      if (one === undefined) assertCanSomewhere(p, 'audit:verify');
      else {
        const instance = await app.store.instances.byId(one);
        if (!instance) throw new ApiError('SZ_NOT_FOUND/instance');
        assertCan(p, 'audit:verify', instance.unitPath, 'instance');
      }
      const broken = await app.store.events.verify(one);
      if (broken) request.log.warn({ instanceId: broken.instanceId, seq: broken.seq }, 'audit chain broken');
      return broken ? { ok: false, firstBroken: { instanceId: broken.instanceId, seq: broken.seq, reason: broken.reason } } : { ok: true };
    },
  );
};

export default auditRoutes;
