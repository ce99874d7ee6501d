import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DelegationRecord, RoleGrant } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { languageOf } from '../../errors/language.ts';
import { ApiError } from '../../errors.ts';
import { principal } from '../../plugins/tenancy.ts';
import { errors, iso } from '../common.ts';
import { assertPeriod, mayManage, reachesUnitsOf, refused } from './rules.ts';
import { Delegation, DelegationBody, DelegationParams } from './schemas.ts';

const view = (d: DelegationRecord) => ({
  id: d.id,
  userId: d.userId,
  deputyId: d.deputyId,
  from: iso(d.from) as string,
  until: iso(d.until) as string,
  createdAt: iso(d.createdAt) as string,
  createdBy: d.createdBy,
  ...(d.definitionKey === undefined ? {} : { definitionKey: d.definitionKey }),
  ...(d.reason === undefined ? {} : { reason: d.reason }),
  ...(d.endedAt === undefined ? {} : { endedAt: iso(d.endedAt) }),
});

/**
 * 委托, away delegation: while a user is away, new tasks assigned to them go to their deputy,
 * saying for whom (runtime/awayDelegation.ts). Tasks they hold already stay with them. A user sets
 * their own; an admin of their units may set one for them and end it.
 */
const delegationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The grants of an enabled user; none for a user who is not one. */
  const grantsOf = async (userId: string): Promise<RoleGrant[] | undefined> => {
    const user = await app.store.users.byId(userId);
    return user && !user.disabled ? app.store.users.grantsOf(user.id) : undefined;
  };

  app.post(
    '/delegations',
    {
      schema: {
        tags: ['delegations'],
        summary: 'Be away: new tasks assigned to me (or, as an admin of their units, to userId) go to the deputy until then',
        body: DelegationBody,
        response: { 201: Delegation, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const lang = languageOf(request.headers['accept-language']);
      const body = request.body;
      const now = app.clock.now();
      const userId = body.userId ?? p.id;
      const from = body.from === undefined ? now : Date.parse(body.from);
      const until = Date.parse(body.until);
      assertPeriod(from, until, now, lang);
      const away = await grantsOf(userId);
      if (!away) throw refused('body.userId', 'no-such-user', lang);
      if (!mayManage(p, userId, away)) throw new ApiError('SZ_FORBIDDEN/delegation');
      if (body.deputyId === userId) throw refused('body.deputyId', 'deputy-self', lang);
      const deputy = await grantsOf(body.deputyId);
      if (!deputy) throw refused('body.deputyId', 'no-such-user', lang);
      if (!reachesUnitsOf(deputy, away)) throw refused('body.deputyId', 'deputy-out-of-reach', lang);
      const delegation: DelegationRecord = {
        id: app.newId(),
        userId,
        deputyId: body.deputyId,
        from,
        until,
        createdAt: now,
        createdBy: p.id,
        ...(body.definitionKey === undefined ? {} : { definitionKey: body.definitionKey }),
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      };
      await app.store.delegations.put(delegation);
      request.log.info({ delegationId: delegation.id, userId, deputyId: delegation.deputyId }, 'delegation set');
      return reply.code(201).send(view(delegation));
    },
  );

  app.get(
    '/delegations',
    {
      schema: {
        tags: ['delegations'],
        summary: 'My delegations, as the one away and as deputy, ended ones too, newest first',
        response: { 200: Type.Object({ items: Type.Array(Delegation) }), ...errors(401) },
      },
    },
    async (request) => ({ items: (await app.store.delegations.ofUser(principal(request).id)).map(view) }),
  );

  app.post(
    '/delegations/:id/end',
    {
      schema: {
        tags: ['delegations'],
        summary: 'End a delegation now: new tasks go to the user again (the one away, or an admin of their units)',
        params: DelegationParams,
        response: { 200: Delegation, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const found = await app.store.delegations.byId(request.params.id);
      if (!found) throw new ApiError('SZ_NOT_FOUND/delegation');
      if (!mayManage(p, found.userId, (await grantsOf(found.userId)) ?? [])) {
        // The deputy sees it in their list, so is told why; to anyone else it does not exist.
        throw new ApiError(found.deputyId === p.id ? 'SZ_FORBIDDEN/delegation' : 'SZ_NOT_FOUND/delegation');
      }
      await app.store.delegations.end(found.id, app.clock.now());
      return view((await app.store.delegations.byId(found.id)) ?? found);
    },
  );
};

export default delegationRoutes;
