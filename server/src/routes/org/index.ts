import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type OrgUnit, type Role, type RoleGrant, StoreDuplicate, type User } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { hashPassword } from '../../auth/password.ts';
import { ApiError, fieldText, invalidRequest } from '../../errors.ts';
import { assertCan, can, canSee, type Principal, principal, reachFor } from '../../plugins/tenancy.ts';
import { errors, iso, page } from '../common.ts';
import { DisabledBody, GrantBody, NewUnit, NewUser, PasswordBody, Unit, UserListQuery, UserParams, UserView } from './schemas.ts';

/**
 * The roles a village admin grants at their village: its staff's. An administrator's, a
 * designer's or an auditor's role reaches further than the village's own work, so a town admin grants it.
 */
export const STAFF_ROLES: readonly Role[] = ['clerk', 'approver', 'member', 'grid-worker'];

/** Granting or taking back `role` at a unit: a town admin of it any role, a village admin of it a staff role. */
function mayGrant(p: Principal, role: Role, unitPath: string): boolean {
  return can(p, 'org:admin', unitPath) || (can(p, 'org:staff', unitPath) && STAFF_ROLES.includes(role));
}

function assertMayGrant(p: Principal, role: Role, unitPath: string): void {
  if (mayGrant(p, role, unitPath)) return;
  if (!can(p, 'org:staff', unitPath)) assertCan(p, 'org:admin', unitPath, 'unit');
  throw new ApiError('SZ_FORBIDDEN/role');
}

/** Keeping someone's account (password, disabling): a town admin of one of their units, or a village admin of all of them when they are staff only. */
function keepsAccount(p: Principal, grants: readonly RoleGrant[]): boolean {
  if (grants.some((g) => can(p, 'org:admin', g.unitPath))) return true;
  return grants.length > 0 && grants.every((g) => STAFF_ROLES.includes(g.role) && can(p, 'org:staff', g.unitPath));
}

/** The organisation tree, users and their grants. Units are read by anyone in reach and added by town admins; users and grants are managed by town admins, and a village's staff by its village admins. */
const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /**
   * A user with those of their grants (read now, unless given) that `p` can see, and what `p` may
   * do with them: the screens offer exactly these, so the rules stay here.
   */
  const viewAs = async (p: Principal, u: User, grants?: readonly RoleGrant[]) => {
    const all = grants ?? (await app.store.users.grantsOf(u.id));
    const keeps = keepsAccount(p, all);
    const self = u.id === p.id;
    const actions = [
      ...(all.some((g) => can(p, 'org:staff', g.unitPath)) ? ['grant' as const] : []),
      ...(self || keeps ? ['password' as const] : []),
      ...(!self && keeps ? [u.disabled ? ('enable' as const) : ('disable' as const)] : []),
    ];
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      disabled: u.disabled,
      createdAt: iso(u.createdAt) as string,
      grants: all
        .filter((g) => canSee(p, g.unitPath))
        .map((g) => ({ role: g.role, unitPath: g.unitPath, revocable: mayGrant(p, g.role, g.unitPath) })),
      actions,
    };
  };

  app.get(
    '/units',
    {
      schema: {
        tags: ['org'],
        summary: 'The units you reach, in path order',
        response: { 200: Type.Object({ items: Type.Array(Unit) }), ...errors(401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const units = new Map<string, OrgUnit>();
      for (const root of p.reach) for (const u of await app.store.units.under(root)) units.set(u.path, u);
      return { items: [...units.values()].sort((a, b) => a.path.localeCompare(b.path)) };
    },
  );

  app.post(
    '/units',
    {
      schema: {
        tags: ['org'],
        summary: 'Add a unit below one you administer',
        body: NewUnit,
        response: { 201: Unit, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { path, name, kind } = request.body;
      assertCan(p, 'org:admin', path, 'unit');
      const parent = path.slice(0, path.lastIndexOf('/', path.length - 2) + 1);
      if (parent.length > 1 && !(await app.store.units.byPath(parent))) throw new ApiError('SZ_UNIT_NOT_FOUND/parent', { unit: parent });
      if (await app.store.units.byPath(path))
        throw invalidRequest([{ field: 'body.path', message: fieldText('unitExists', { unit: path }) }]);
      const unit: OrgUnit = { id: app.newId(), path, name, kind };
      await app.store.units.put(unit);
      return reply.status(201).send(unit);
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['org'],
        summary: 'Create a user with grants at units you administer',
        body: NewUser,
        response: { 201: UserView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const body = request.body;
      if (reachFor(p, 'org:staff').length === 0) throw new ApiError('SZ_FORBIDDEN/anywhere', { action: 'org:staff' });
      for (const g of body.grants) {
        assertMayGrant(p, g.role, g.unitPath);
        await unitExists(g.unitPath);
      }
      const user: User = {
        id: app.newId(),
        username: body.username,
        displayName: body.displayName,
        passwordHash: await hashPassword(body.password),
        disabled: false,
        createdAt: app.clock.now(),
      };
      try {
        await app.store.users.create(user);
      } catch (error) {
        if (error instanceof StoreDuplicate) throw new ApiError('SZ_USERNAME_TAKEN', { username: body.username });
        throw error;
      }
      const grants = body.grants.map((g) => ({ userId: user.id, role: g.role, unitPath: g.unitPath }));
      for (const g of grants) await app.store.users.grant(g);
      request.log.info({ userId: user.id }, 'user created');
      return reply.status(201).send(await viewAs(p, user, grants));
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['org'],
        summary: 'Users holding a role within your units, by username, with their grants there',
        querystring: UserListQuery,
        response: { 200: page(UserView), ...errors(400, 401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const result = await app.store.users.list({ reach: p.reach, limit: q.limit ?? 50, ...(q.cursor ? { cursor: q.cursor } : {}) });
      const items = [];
      for (const user of result.items) items.push(await viewAs(p, user));
      return { items, ...(result.next ? { next: result.next } : {}) };
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'A user and their grants within your units',
        params: UserParams,
        response: { 200: UserView, ...errors(401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { user, grants } = await visibleUser(request.params.id, p);
      return viewAs(p, user, grants);
    },
  );

  // Granting and taking back a role: by an admin of the unit (a village admin a staff role), to a
  // user they can see (one with a grant within their units); a role is granted only at a unit that exists.
  for (const [path, summary, change] of [
    ['/users/:id/grants', 'Grant a role at a unit', 'grant'],
    ['/users/:id/grants/revoke', 'Take back a role at a unit', 'revoke'],
  ] as const) {
    app.post(
      path,
      {
        schema: {
          tags: ['org'],
          summary,
          params: UserParams,
          body: GrantBody,
          response: { 200: UserView, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const p = principal(request);
        assertMayGrant(p, request.body.role, request.body.unitPath);
        if (change === 'grant') await unitExists(request.body.unitPath);
        const { user } = await visibleUser(request.params.id, p);
        await app.store.users[change]({ userId: user.id, ...request.body });
        app.principals.forget();
        return viewAs(p, user);
      },
    );
  }

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags: ['org'],
        summary: 'Set a user’s password',
        params: UserParams,
        body: PasswordBody,
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { user, grants } = await visibleUser(request.params.id, p);
      if (user.id !== p.id && !keepsAccount(p, grants)) throw new ApiError('SZ_FORBIDDEN/password');
      await app.store.users.setPassword(user.id, await hashPassword(request.body.password));
      request.log.info({ userId: user.id }, 'password set');
      return reply.status(204).send();
    },
  );

  app.put(
    '/users/:id/disabled',
    {
      schema: {
        tags: ['org'],
        summary: 'Disable a user (they sign in no more, their tokens stop working, no task is offered to them) or enable them again',
        params: UserParams,
        body: DisabledBody,
        response: { 200: UserView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { user, grants } = await visibleUser(request.params.id, p);
      if (user.id === p.id) throw new ApiError('SZ_FORBIDDEN/disable-self');
      if (!keepsAccount(p, grants)) throw new ApiError('SZ_FORBIDDEN/account');
      const { disabled } = request.body;
      await app.store.users.setDisabled(user.id, disabled);
      app.principals.forget();
      request.log.info({ userId: user.id, disabled }, disabled ? 'user disabled' : 'user enabled');
      return viewAs(p, { ...user, disabled }, grants);
    },
  );

  async function unitExists(path: string): Promise<void> {
    if (!(await app.store.units.byPath(path))) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit: path });
  }

  /** A user is visible when one of their grants is within your reach (or it is you). */
  async function visibleUser(id: string, p: Principal): Promise<{ user: User; grants: RoleGrant[] }> {
    const user = await app.store.users.byId(id);
    const grants = user ? await app.store.users.grantsOf(user.id) : [];
    if (!user || (user.id !== p.id && !grants.some((g) => canSee(p, g.unitPath)))) throw new ApiError('SZ_NOT_FOUND/user');
    return { user, grants };
  }
};

export default orgRoutes;
