import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens are opaque: `<session id>.<secret>`. The id finds the session; the secret, 32
 * random bytes, is kept only as its SHA-256 (a fast hash is enough for so much randomness), so
 * the database holds nothing a thief could log in with.
 */
export interface RefreshToken {
  readonly token: string;
  readonly sessionId: string;
  readonly hash: string;
}

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function newRefreshToken(sessionId: string): RefreshToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${sessionId}.${secret}`, sessionId, hash: hashOf(secret) };
}

/** The session and secret hash a token names; undefined for anything not shaped like one. */
export function readRefreshToken(token: string): RefreshToken | undefined {
  const dot = token.lastIndexOf('.');
  const secret = token.slice(dot + 1);
  if (dot < 1 || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  return { token, sessionId: token.slice(0, dot), hash: hashOf(secret) };
}
