import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { verifyPassword } from '../../auth/password.ts';
import { ApiError } from '../../errors.ts';
import { principal } from '../../plugins/tenancy.ts';
import { errors } from '../common.ts';
import { LoginBody, LogoutBody, Me, RefreshBody, Tokens } from './schemas.ts';

/** Login with a password, refresh, logout, and who am I. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/login',
    {
      config: { public: true },
      preHandler: app.tokens.loginLimiters,
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password',
        body: LoginBody,
        response: { 200: Tokens, ...errors(400, 401, 429) },
      },
    },
    async (request) => {
      const user = await app.store.users.byUsername(request.body.username);
      const ok = await verifyPassword(request.body.password, user?.passwordHash);
      if (!user || !ok || user.disabled) {
        request.log.info({ userId: user?.id }, 'login failed');
        throw new ApiError('SZ_LOGIN_FAILED');
      }
      request.log.info({ userId: user.id }, 'login');
      return app.tokens.login(user.id);
    },
  );

  app.post(
    '/refresh',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Trade a refresh token for new tokens (each refresh token is used once)',
        body: RefreshBody,
        response: { 200: Tokens, ...errors(400, 401) },
      },
    },
    async (request) => app.tokens.refresh(request.body.refreshToken),
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the session of the access token (and of the refresh token, if sent) on every server',
        body: LogoutBody,
        response: { 204: { type: 'null' }, ...errors(401) },
      },
    },
    async (request, reply) => {
      await app.tokens.logout({
        ...(request.tokenClaims ? { sessionId: request.tokenClaims.sid } : {}),
        ...(request.body?.refreshToken ? { refreshToken: request.body.refreshToken } : {}),
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The current user, their grants and groups', response: { 200: Me, ...errors(401) } } },
    async (request) => {
      const p = principal(request);
      return {
        id: p.id,
        username: p.username,
        displayName: p.displayName,
        grants: p.grants.map((g) => ({ role: g.role, unitPath: g.unitPath })),
        groups: [...p.groups],
      };
    },
  );
};

export default authRoutes;
