import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import type { Clock } from '../clock.ts';
import { ApiError } from '../errors.ts';

/** An access token: the user and the session (the login) it belongs to. */
export interface TokenClaims {
  readonly sub: string;
  readonly typ: 'access';
  readonly sid: string;
  readonly iat: number;
  readonly exp: number;
}

export interface AccessTokens {
  /** A token for the user's session, valid for the configured time from now. */
  sign(userId: string, sessionId: string): string;
  /** The claims of one of our tokens; SZ_TOKEN_EXPIRED past its time, SZ_UNAUTHENTICATED for anything else wrong with it. */
  verify(token: string): TokenClaims;
}

/**
 * Our own short access tokens: HS256 JWTs. The signer and the verifier are built once (every
 * request verifies a token); the times come from the server's clock, which tests move, so
 * `iat` and `exp` are set and checked here rather than by the library's wall clock.
 */
export function accessTokens(secret: string, clock: Clock, ttlSec: number): AccessTokens {
  const signer = createSigner({ key: secret, algorithm: 'HS256', noTimestamp: true });
  const verifier = createVerifier({ key: secret, algorithms: ['HS256'], ignoreExpiration: true, ignoreNotBefore: true });
  return {
    sign(userId, sessionId) {
      const iat = Math.floor(clock.now() / 1000);
      return signer({ sub: userId, typ: 'access', sid: sessionId, iat, exp: iat + ttlSec });
    },
    verify(token) {
      let claims: Partial<TokenClaims>;
      try {
        claims = verifier(token) as Partial<TokenClaims>;
      } catch (error) {
        if (error instanceof TokenError) throw new ApiError('SZ_UNAUTHENTICATED');
        throw error;
      }
      if (claims.typ !== 'access' || typeof claims.sid !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number')
        throw new ApiError('SZ_UNAUTHENTICATED');
      if (claims.exp * 1000 <= clock.now()) throw new ApiError('SZ_TOKEN_EXPIRED');
      return claims as TokenClaims;
    },
  };
}
