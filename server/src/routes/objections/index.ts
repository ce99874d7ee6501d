import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { maskMobile } from '@shanzhi/forms';
import type { ObjectionRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { assertSee, principal } from '../../plugins/tenancy.ts';
import { errors, iso, Limit, UnitPath } from '../common.ts';

const Objection = Type.Object({
  id: Type.String(),
  noticeId: Type.String(),
  instanceId: Type.String(),
  unitPath: Type.String(),
  content: Type.String(),
  name: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String({ description: 'Masked: 138****8000' })),
  receivedAt: Type.String({ format: 'date-time' }),
});

const ObjectionsQuery = Type.Object({ unit: UnitPath, limit: Type.Optional(Limit) }, { additionalProperties: false });

const objectionView = (o: ObjectionRecord) => ({
  id: o.id,
  noticeId: o.noticeId,
  instanceId: o.instanceId,
  unitPath: o.unitPath,
  content: o.content,
  receivedAt: iso(o.receivedAt) as string,
  ...(o.name === undefined ? {} : { name: o.name }),
  ...(o.phone === undefined ? {} : { phone: maskMobile(o.phone) }),
});

/** The objections villagers filed on a unit's board (and the boards below it), for its staff. */
const objectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/objections',
    {
      schema: {
        tags: ['public'],
        summary: 'Objections filed on the boards of a unit and the units below it, newest first (phone numbers masked)',
        querystring: ObjectionsQuery,
        response: { 200: Type.Object({ items: Type.Array(Objection) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      assertSee(principal(request), request.query.unit, 'unit');
      return { items: (await app.store.objections.within([request.query.unit], request.query.limit ?? 50)).map(objectionView) };
    },
  );
};

export default objectionRoutes;
