import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors.ts';

/** How long a question may be answered. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/**
 * A sum to work out before an objection goes in: enough to stop a script posting blind, no
 * account, no third-party captcha (these boards are read on village phones, often offline from
 * foreign services). The token carries the question's id and expiry and a keyed hash of the
 * answer, so the server keeps nothing until it is answered; each id is good once.
 */
export function challenges(app: FastifyInstance, secret: string) {
  const key = createHmac('sha256', secret).update('shanzhi:objection-challenge').digest();
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('base64url');

  return {
    issue(): { token: string; question: string } {
      const [a, b] = [randomInt(2, 10), randomInt(2, 10)];
      const claim = Buffer.from(JSON.stringify({ id: randomUUID(), exp: app.clock.now() + CHALLENGE_TTL_MS })).toString('base64url');
      return { token: `${claim}.${mac(`${claim}:${a + b}`)}`, question: `${a} + ${b} = ?` };
    },

    /** Throws SZ_CHALLENGE_FAILED unless the answer is right, in time, and the question not answered before. */
    async check(token: string, answer: string): Promise<void> {
      const [claim, proof] = token.split('.');
      const expected = claim ? mac(`${claim}:${answer.trim()}`) : '';
      if (!claim || !proof || proof.length !== expected.length || !timingSafeEqual(Buffer.from(proof), Buffer.from(expected))) {
        throw new ApiError('SZ_CHALLENGE_FAILED');
      }
      const { id, exp } = JSON.parse(Buffer.from(claim, 'base64url').toString('utf8')) as { id: string; exp: number };
      if (exp <= app.clock.now()) throw new ApiError('SZ_CHALLENGE_FAILED');
      const { count } = await app.store.attempts.count(`challenge:${id}`, CHALLENGE_TTL_MS, app.clock.now());
      if (count > 1) throw new ApiError('SZ_CHALLENGE_FAILED');
    },
  };
}
