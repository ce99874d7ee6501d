import { describe, expect, it } from 'vitest';
import { StoreDuplicate } from '../port.ts';
import type { SessionRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { DAY, MINUTE, T0, USERS } from './fixtures.ts';

export function sessionSpecs(ctx: SuiteContext): void {
  describe('sessions', () => {
    const login: SessionRecord = {
      id: 'session-li',
      userId: USERS.hefengClerk.id,
      tokenHash: 'a'.repeat(64),
      createdAt: T0,
      expiresAt: T0 + 7 * DAY,
    };

    it('keeps a session as it was started, and refuses its id twice', async () => {
      await ctx.store.sessions.create(login);
      expect(await ctx.store.sessions.byId(login.id)).toEqual(login);
      expect(await ctx.store.sessions.byId('session-none')).toBeUndefined();
      await expect(ctx.store.sessions.create(login)).rejects.toThrow(StoreDuplicate);
    });

    it('rotates the refresh token once: the token spent cannot be spent again', async () => {
      await ctx.store.sessions.create(login);
      const next = { tokenHash: 'b'.repeat(64), expiresAt: T0 + MINUTE + 7 * DAY };
      expect(await ctx.store.sessions.rotate(login.id, login.tokenHash, next, T0 + MINUTE)).toBe(true);
      expect(await ctx.store.sessions.byId(login.id)).toEqual({ ...login, ...next });
      expect(await ctx.store.sessions.rotate(login.id, login.tokenHash, { ...next, tokenHash: 'c'.repeat(64) }, T0 + MINUTE)).toBe(false);
      expect((await ctx.store.sessions.byId(login.id))?.tokenHash).toBe(next.tokenHash);
    });

    it('lets only one of two refreshes racing with the same token through', async () => {
      await ctx.store.sessions.create(login);
      const other = await ctx.peer();
      const results = await Promise.all([
        ctx.store.sessions.rotate(login.id, login.tokenHash, { tokenHash: 'b'.repeat(64), expiresAt: T0 + 8 * DAY }, T0 + MINUTE),
        other.sessions.rotate(login.id, login.tokenHash, { tokenHash: 'c'.repeat(64), expiresAt: T0 + 8 * DAY }, T0 + MINUTE),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('refuses to rotate an expired or revoked session, and keeps the first end of a session', async () => {
      await ctx.store.sessions.create(login);
      const next = { tokenHash: 'b'.repeat(64), expiresAt: T0 + 14 * DAY };
      expect(await ctx.store.sessions.rotate(login.id, login.tokenHash, next, login.expiresAt)).toBe(false);
      await ctx.store.sessions.revoke(login.id, T0 + DAY);
      await ctx.store.sessions.revoke(login.id, T0 + 2 * DAY);
      expect(await ctx.store.sessions.byId(login.id)).toEqual({ ...login, revokedAt: T0 + DAY });
      expect(await ctx.store.sessions.rotate(login.id, login.tokenHash, next, T0 + DAY + 1)).toBe(false);
    });

    it('forgets sessions once they have expired', async () => {
      await ctx.store.sessions.create(login);
      await ctx.store.sessions.create({ ...login, id: 'session-old', expiresAt: T0 + DAY });
      expect(await ctx.store.sessions.purgeExpired(T0 + DAY)).toBe(0);
      expect(await ctx.store.sessions.purgeExpired(T0 + DAY + 1)).toBe(1);
      expect(await ctx.store.sessions.byId('session-old')).toBeUndefined();
      expect(await ctx.store.sessions.byId(login.id)).toEqual(login);
    });
  });

  describe('attempt counters', () => {
    const window = MINUTE;
    const start = Math.floor(T0 / window) * window;

    it('count per key within a fixed window, and start again in the next one', async () => {
      const count = (key: string, at: number) => ctx.store.attempts.count(key, window, at);
      expect(await count('login-account:li.wenshu', start + 1_000)).toEqual({ count: 1, endsAt: start + window });
      expect((await count('login-account:li.wenshu', start + 59_000)).count).toBe(2);
      expect((await count('login-address:10.0.0.7', start + 59_000)).count).toBe(1);
      expect(await count('login-account:li.wenshu', start + window)).toEqual({ count: 1, endsAt: start + 2 * window });
    });

    it('are shared by every process on the store, also when they count at the same moment', async () => {
      const other = await ctx.peer();
      const counted = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 === 0 ? ctx.store : other).attempts.count('login-account:li.wenshu', window, start + i),
        ),
      );
      expect(counted.map((c) => c.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('refuse a window that is not a positive number of milliseconds', async () => {
      await expect(ctx.store.attempts.count('k', 0, T0)).rejects.toThrow(/positive number of ms/);
    });
  });
}
