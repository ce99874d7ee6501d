import fastifyJwt from '@fastify/jwt';
import rateLimit from '@fastify/rate-limit';
import type { User } from '@shanzhi/store';
import { createVerifier } from 'fast-jwt';
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import buildGetJwks from 'get-jwks';
import { Revocations } from '../auth/revocations.ts';
import type { Clock, IdGenerator } from '../clock.ts';
import { ApiError } from '../errors.ts';
import { groupsOf } from '../runtime/assignment.ts';
import { minimalCover } from '../units.ts';
import type { Principal } from './tenancy.ts';

export interface TokenClaims {
  readonly sub: string;
  readonly typ: 'access' | 'refresh';
  readonly jti: string;
  readonly exp?: number;
}

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

export interface Tokens {
  issue(userId: string): { token: string; refreshToken: string; expiresIn: number };
  /** Verifies a refresh token and returns its claims; expired or revoked ones throw SZ_TOKEN_EXPIRED. */
  verifyRefresh(token: string): TokenClaims;
  revoke(claims: TokenClaims): void;
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
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenClaims;
    user: TokenClaims;
  }
}

/**
 * Authentication: our own HS256 JWTs (short access tokens, longer refresh tokens), optionally
 * an external issuer's tokens checked against its JWKS. Default deny: every route needs a valid
 * token unless its config says `public: true`. The principal (user, grants, reach, groups) is
 * read from the store on each request, so a revoked grant takes effect at once.
 */
const authPlugin: FastifyPluginAsync<AuthOptions> = async (app, o) => {
  const accessTtl = o.accessTtlSec ?? 15 * 60;
  const refreshTtl = o.refreshTtlSec ?? 7 * 24 * 3600;
  const limits = o.loginLimits ?? { perAccount: 5, perAddress: 20, windowMs: 60_000 };
  const revocations = new Revocations();
  await app.register(fastifyJwt, { secret: o.secret, sign: { algorithm: 'HS256' }, verify: { algorithms: ['HS256'] } });
  await app.register(rateLimit, { global: false });
  const external = o.jwksUrl ? externalVerifier(o.jwksUrl) : undefined;

  const verify = (token: string): TokenClaims => {
    try {
      return app.jwt.verify<TokenClaims>(token, { clockTimestamp: o.clock.now() });
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new ApiError(
        code === 'FAST_JWT_EXPIRED' || code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED' ? 'SZ_TOKEN_EXPIRED' : 'SZ_UNAUTHENTICATED',
      );
    }
  };

  // Two counters, per address and per account: each attempt counts against both, and either
  // being over its limit refuses the attempt with 429 before the password is checked.
  const perAddress = app.createRateLimit({
    max: limits.perAddress,
    timeWindow: limits.windowMs,
    keyGenerator: (req) => `login-address:${req.ip}`,
  });
  const perAccount = app.createRateLimit({
    max: limits.perAccount,
    timeWindow: limits.windowMs,
    keyGenerator: (req) => `login-account:${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
  });
  const loginLimiter: preHandlerAsyncHookHandler = async (request) => {
    for (const limit of [await perAddress(request), await perAccount(request)]) {
      if (!limit.isAllowed && limit.isExceeded)
        throw new ApiError('SZ_RATE_LIMITED', `too many attempts; try again in ${limit.ttlInSeconds} s`);
    }
  };

  const tokens: Tokens = {
    issue(userId) {
      const sign = (typ: TokenClaims['typ'], ttl: number) =>
        app.jwt.sign({ sub: userId, typ, jti: o.newId() }, { expiresIn: ttl, clockTimestamp: o.clock.now() });
      return { token: sign('access', accessTtl), refreshToken: sign('refresh', refreshTtl), expiresIn: accessTtl };
    },
    verifyRefresh(token) {
      const claims = verify(token);
      if (claims.typ !== 'refresh') throw new ApiError('SZ_UNAUTHENTICATED', 'not a refresh token');
      if (revocations.isRevoked(claims.jti)) throw new ApiError('SZ_TOKEN_EXPIRED');
      return claims;
    },
    revoke(claims) {
      revocations.revoke(claims.jti, (claims.exp ?? 0) * 1000, o.clock.now());
    },
    loginLimiters: [loginLimiter],
  };
  app.decorate('tokens', tokens);

  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public || request.is404) return;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new ApiError('SZ_UNAUTHENTICATED');
    let user: User | undefined;
    if (external && isForeign(token)) {
      const claims = await external(token).catch(() => {
        throw new ApiError('SZ_UNAUTHENTICATED');
      });
      const name = String(claims.preferred_username ?? claims.sub ?? '');
      user = name ? await app.store.users.byUsername(name) : undefined;
    } else {
      const claims = verify(token);
      if (claims.typ !== 'access' || revocations.isRevoked(claims.jti)) throw new ApiError('SZ_UNAUTHENTICATED');
      request.tokenClaims = claims;
      user = await app.store.users.byId(claims.sub);
    }
    if (!user || user.disabled) throw new ApiError('SZ_UNAUTHENTICATED');
    request.principal = await principalOf(app.store, user);
  });
  app.decorateRequest('tokenClaims', null);
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The access token's claims (own tokens only), for logout. */
    tokenClaims: TokenClaims | null;
  }
}

export async function principalOf(
  store: { users: { grantsOf(id: string): Promise<import('@shanzhi/store').RoleGrant[]> } },
  user: User,
): Promise<Principal> {
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
