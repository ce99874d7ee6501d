import type { Store, User } from '@shanzhi/store';
import { createVerifier } from 'fast-jwt';
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import buildGetJwks from 'get-jwks';
import { accessTokens, type TokenClaims } from '../auth/accessTokens.ts';
import { PrincipalCache } from '../auth/principalCache.ts';
import { newRefreshToken, readRefreshToken } from '../auth/refreshTokens.ts';
import type { Clock, IdGenerator } from '../clock.ts';
import { ApiError } from '../errors.ts';
import { groupsOf } from '../runtime/assignment.ts';
import { minimalCover } from '../units.ts';
import type { Principal } from './tenancy.ts';

export interface AuthOptions {
  readonly secret: string;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  /** An external issuer's JWKS; its tokens name our users by `preferred_username` or `sub`. */
  readonly jwksUrl?: string;
  readonly accessTtlSec?: number;
  readonly refreshTtlSec?: number;
  /** Login attempts per account and per address within `windowMs`. */
  readonly loginLimits?: { perAccount: number; perAddress: number; windowMs: number };
}

export interface IssuedTokens {
  readonly token: string;
  readonly refreshToken: string;
  /** Seconds the access token lasts. */
  readonly expiresIn: number;
}

export interface Tokens {
  /** Starts a session for the user: its first refresh token, and an access token naming it. */
  login(userId: string): Promise<IssuedTokens>;
  /**
   * Spends a refresh token for new tokens of its session (rotation). A token that is no longer
   * its session's current one was used before, so someone holds a copy: the session ends, for
   * every holder. Expired, revoked and spent tokens answer SZ_TOKEN_EXPIRED; a disabled user
   * SZ_UNAUTHENTICATED.
   */
  refresh(refreshToken: string): Promise<IssuedTokens>;
  /** Ends the session an access token names, and the one of a refresh token that is still its session's current one. */
  logout(r: { sessionId?: string; refreshToken?: string }): Promise<void>;
  /** preHandler hooks that rate-limit login per account (body.username) and per address. */
  readonly loginLimiters: preHandlerAsyncHookHandler[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a token (login, refresh, health); every other route requires one. */
    public?: boolean;
  }
  interface FastifyInstance {
    tokens: Tokens;
    /** Principals of live sessions, kept a second (principalCache.ts); routes that change grants clear it. */
    principals: Pick<PrincipalCache, 'forget'>;
  }
}

/**
 * Authentication: our own HS256 JWTs as short access tokens, each naming its session, and
 * opaque refresh tokens rotated at each use (refreshTokens.ts), optionally an external issuer's
 * tokens checked against its JWKS. Sessions live in the store, so a logout holds on every server
 * process and across restarts. Default deny: every route needs a valid token unless its config
 * says `public: true`. The principal (user, grants, reach, groups) and the session are read from
 * the store and kept for a second (principalCache.ts): a revoked grant or an ended session takes
 * effect at once in the process that made the change, and within that second in the others.
 */
const authPlugin: FastifyPluginAsync<AuthOptions> = async (app, o) => {
  const accessTtl = o.accessTtlSec ?? 15 * 60;
  const refreshTtl = o.refreshTtlSec ?? 7 * 24 * 3600;
  const limits = o.loginLimits ?? { perAccount: 5, perAddress: 20, windowMs: 60_000 };
  const ownTokens = accessTokens(o.secret, o.clock, accessTtl);
  const external = o.jwksUrl ? externalVerifier(o.jwksUrl) : undefined;
  const principals = new PrincipalCache();
  app.decorate('principals', principals);

  // Two counters, per address and per account, kept in the store so that the limits hold across
  // every server process: each attempt counts against both, and either being over its limit
  // refuses the attempt with 429 before the password is checked.
  const loginLimiter: preHandlerAsyncHookHandler = async (request) => {
    const now = o.clock.now();
    const account = String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase();
    const counted = [
      { max: limits.perAddress, ...(await app.store.attempts.count(`login-address:${request.ip}`, limits.windowMs, now)) },
      { max: limits.perAccount, ...(await app.store.attempts.count(`login-account:${account}`, limits.windowMs, now)) },
    ];
    const over = counted.find((c) => c.count > c.max);
    if (over) throw new ApiError('SZ_RATE_LIMITED', { seconds: Math.ceil((over.endsAt - now) / 1000) });
  };

  const { sessions } = app.store;
  const access = ownTokens.sign;

  const tokens: Tokens = {
    async login(userId) {
      const now = o.clock.now();
      // Housekeeping: an expired session is of no use (its access tokens, shorter-lived, expired before it).
      await sessions.purgeExpired(now);
      const id = o.newId();
      const refresh = newRefreshToken(id);
      await sessions.create({ id, userId, tokenHash: refresh.hash, createdAt: now, expiresAt: now + refreshTtl * 1000 });
      return { token: access(userId, id), refreshToken: refresh.token, expiresIn: accessTtl };
    },
    async refresh(token) {
      const presented = readRefreshToken(token);
      if (!presented) throw new ApiError('SZ_UNAUTHENTICATED');
      const now = o.clock.now();
      const session = await sessions.byId(presented.sessionId);
      if (!session || session.revokedAt !== undefined || session.expiresAt <= now) throw new ApiError('SZ_TOKEN_EXPIRED');
      const user = await app.store.users.byId(session.userId);
      if (!user || user.disabled) throw new ApiError('SZ_UNAUTHENTICATED');
      const next = newRefreshToken(session.id);
      // Refused when the token is not the current one, also when a refresh with it won a race just now.
      if (!(await sessions.rotate(session.id, presented.hash, { tokenHash: next.hash, expiresAt: now + refreshTtl * 1000 }, now))) {
        await sessions.revoke(session.id, now);
        principals.forget();
        throw new ApiError('SZ_TOKEN_EXPIRED/reused');
      }
      return { token: access(user.id, session.id), refreshToken: next.token, expiresIn: accessTtl };
    },
    async logout({ sessionId, refreshToken }) {
      const now = o.clock.now();
      if (sessionId) await sessions.revoke(sessionId, now);
      const presented = refreshToken === undefined ? undefined : readRefreshToken(refreshToken);
      if (presented && (await sessions.byId(presented.sessionId))?.tokenHash === presented.hash)
        await sessions.revoke(presented.sessionId, now);
      principals.forget();
    },
    loginLimiters: [loginLimiter],
  };
  app.decorate('tokens', tokens);

  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public || request.is404) return;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new ApiError('SZ_UNAUTHENTICATED');
    if (external && isForeign(token)) {
      const claims = await external(token).catch(() => {
        throw new ApiError('SZ_UNAUTHENTICATED');
      });
      const name = String(claims.preferred_username ?? claims.sub ?? '');
      request.principal = await principalOf(app.store, name ? await app.store.users.byUsername(name) : undefined);
      return;
    }
    const claims = ownTokens.verify(token);
    request.tokenClaims = claims;
    const now = o.clock.now();
    const known = principals.get(claims.sid, now);
    if (known?.id === claims.sub) {
      request.principal = known;
      return;
    }
    const session = await sessions.byId(claims.sid);
    if (session?.userId !== claims.sub || session.revokedAt !== undefined) throw new ApiError('SZ_UNAUTHENTICATED');
    request.principal = await principalOf(app.store, await app.store.users.byId(claims.sub));
    principals.set(claims.sid, request.principal, now);
  });
  app.decorateRequest('tokenClaims', null);
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The access token's claims (own tokens only), for logout. */
    tokenClaims: TokenClaims | null;
  }
}

/** The principal of an enabled user; anyone else is not signed in. */
async function principalOf(store: Pick<Store, 'users'>, user: User | undefined): Promise<Principal> {
  if (!user || user.disabled) throw new ApiError('SZ_UNAUTHENTICATED');
  const grants = await store.users.grantsOf(user.id);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    grants,
    reach: minimalCover(grants.map((g) => g.unitPath)),
    groups: groupsOf(grants),
  };
}

/** A token not signed with our HS256 secret (an external issuer's RS/ES token). */
function isForeign(token: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { alg?: string };
    return header.alg !== 'HS256';
  } catch {
    return false;
  }
}

function externalVerifier(jwksUrl: string): (token: string) => Promise<Record<string, unknown>> {
  const url = new URL(jwksUrl);
  const jwks = buildGetJwks({ jwksPath: url.pathname, providerDiscovery: false });
  const verifier = createVerifier({
    algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256'],
    key: async (decoded: { header: { kid?: string; alg?: string } }) =>
      jwks.getPublicKey({
        domain: url.origin,
        ...(decoded.header.kid ? { kid: decoded.header.kid } : {}),
        ...(decoded.header.alg ? { alg: decoded.header.alg } : {}),
      }),
  });
  return (token) => verifier(token) as Promise<Record<string, unknown>>;
}

export default fp(authPlugin, { fastify: '5.x', name: 'shanzhi-auth', dependencies: ['shanzhi-store', 'shanzhi-tenancy'] });
