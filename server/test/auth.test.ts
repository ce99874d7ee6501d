import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRINCIPAL_TTL_MS } from '../src/auth/principalCache.ts';
import { PASSWORD, removeDir, type TestEnv, testEnv, UNITS } from './support.ts';

describe('authentication and request checks', () => {
  let env: TestEnv;
  beforeEach(async () => {
    env = await testEnv();
  });
  afterEach(async () => {
    await env.close();
    removeDir(env.dir);
  });

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

  it('answers 401 without a token, with a bad token, and after logout', async () => {
    for (const res of [
      await env.app.inject({ method: 'GET', url: '/api/tasks' }),
      await env.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: 'Bearer nonsense' } }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('SZ_UNAUTHENTICATED');
    }
    const c = await env.as('hefeng');
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ username: 'hefeng', groups: [`clerk@${UNITS.hefeng}`] });
    expect((await c.post('/api/auth/logout', {})).statusCode).toBe(204);
    expect((await c.get('/api/tasks')).statusCode).toBe(401);
  });

  it('logs in, refreshes, and rejects wrong passwords with one message', async () => {
    const ok = await login('hefeng', PASSWORD);
    expect(ok.statusCode).toBe(200);
    const { token, refreshToken } = ok.json();
    expect(token).toBeTruthy();
    const bad = await login('hefeng', 'wrong');
    const unknown = await login('nobody', 'wrong');
    expect([bad.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(bad.json()).toEqual(unknown.json());
    const refreshed = await env.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    // A refresh token is used once.
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })).statusCode).toBe(401);
    // An access token is not a refresh token, nor the other way round.
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: token } })).statusCode).toBe(401);
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: `Bearer ${refreshed.json().refreshToken}` } }))
        .statusCode,
    ).toBe(401);
  });

  it('ends a session on logout: at once where it logged out, within a second in every other server process, and after a restart', async () => {
    const c = await env.as('hefeng');
    const { refreshToken } = (await login('hefeng', PASSWORD)).json();
    const other = await testEnv({ dir: env.dir, clock: env.clock, idPrefix: 'p', seed: false });
    try {
      expect(
        (await other.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: `Bearer ${c.token}` } })).statusCode,
      ).toBe(200);
      expect((await c.post('/api/auth/logout', {})).statusCode).toBe(204);
      expect((await c.get('/api/tasks')).statusCode).toBe(401);
      env.clock.advance(PRINCIPAL_TTL_MS);
      const seen = await other.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: `Bearer ${c.token}` } });
      expect(seen.statusCode).toBe(401);
      // Another login of the same user is another session: it lives on until its own logout.
      expect((await other.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
    await env.close();
    env = await testEnv({ dir: env.dir, clock: env.clock, idPrefix: 'r', seed: false });
    const afterRestart = await env.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: `Bearer ${c.token}` } });
    expect(afterRestart.statusCode).toBe(401);
  });

  it('ends the whole session when a refresh token is used a second time (it was copied)', async () => {
    const { refreshToken } = (await login('hefeng', PASSWORD)).json();
    const refresh = (token: string) => env.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: token } });
    const rotated = await refresh(refreshToken);
    expect(rotated.statusCode).toBe(200);
    const replayed = await refresh(refreshToken);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe('SZ_TOKEN_EXPIRED');
    expect((await refresh(rotated.json().refreshToken)).json().code).toBe('SZ_TOKEN_EXPIRED');
    const access = await env.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: `Bearer ${rotated.json().token}` } });
    expect(access.statusCode).toBe(401);
  });

  it('ends the session of a refresh token sent with a logout, and refuses refresh tokens past their time', async () => {
    const first = (await login('hefeng', PASSWORD)).json();
    const second = (await login('hefeng', PASSWORD)).json();
    const logout = await env.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${first.token}` },
      payload: { refreshToken: second.refreshToken },
    });
    expect(logout.statusCode).toBe(204);
    for (const ended of [first, second]) {
      const res = await env.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: `Bearer ${ended.token}` } });
      expect(res.statusCode).toBe(401);
    }
    const { refreshToken } = (await login('hefeng', PASSWORD)).json();
    env.clock.advance(7 * 24 * 3600 * 1000);
    const late = await env.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('SZ_TOKEN_EXPIRED');
  });

  it('expires access tokens by the server clock', async () => {
    const c = await env.as('hefeng');
    env.clock.advance(16 * 60_000);
    const res = await c.get('/api/tasks');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SZ_TOKEN_EXPIRED');
  });

  it('rate-limits login attempts per account, whatever the address, and per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await login('honggang', 'wrong', `10.0.1.${i}`)).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const limited = await login('honggang', PASSWORD, '10.0.2.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('SZ_RATE_LIMITED');
    // Another account is not affected.
    expect((await login('hefeng', PASSWORD, '10.0.2.2')).statusCode).toBe(200);

    const perAddress: number[] = [];
    for (let i = 0; i < 22; i++) perAddress.push((await login(`user${i}`, 'wrong', '10.9.9.9')).statusCode);
    expect(perAddress.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('holds the login limit across server processes sharing the store, and lifts it when its minute is over', async () => {
    const other = await testEnv({ dir: env.dir, clock: env.clock, idPrefix: 'p', seed: false });
    try {
      const elsewhere = (i: number) =>
        other.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'honggang', password: 'wrong' },
          remoteAddress: `10.0.3.${i}`,
        });
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push((i % 2 === 0 ? await login('honggang', 'wrong', `10.0.4.${i}`) : await elsewhere(i)).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
      const refused = await elsewhere(9);
      expect(refused.json()).toEqual({ code: 'SZ_RATE_LIMITED', message: '尝试次数太多，请 60 秒后再试。' });
      env.clock.advance(60_000);
      expect((await elsewhere(10)).statusCode).toBe(401);
      expect((await login('honggang', PASSWORD, '10.0.4.9')).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers 400 SZ_VALIDATION naming the field', async () => {
    const c = await env.as('hefeng');
    const missing = await c.post('/api/process-instances', { definitionKey: 'review' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('SZ_VALIDATION');
    expect(missing.json().details).toContainEqual({ field: 'body.orgUnit', message: '必填' });
    expect(missing.json().message).toContain('body.orgUnit');

    const wrongType = await c.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, variables: [1, 2] });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details.map((d: { field: string }) => d.field)).toContain('body.variables');

    const extra = await c.post('/api/tasks/x/complete', { variables: {}, sneaky: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().details).toContainEqual({ field: 'body.sneaky', message: '不允许有这一项' });

    const query = await c.get('/api/tasks?sort=sideways');
    expect(query.statusCode).toBe(400);
    expect(query.json().details.map((d: { field: string }) => d.field)).toContain('querystring.sort');

    const notJson = await env.app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'SZ_VALIDATION', details: [{ field: 'body', message: '不是有效的 JSON' }] });
  });

  it('answers unknown routes with 404 SZ_ROUTE_NOT_FOUND and serves health, readiness, metrics and the OpenAPI document without a token', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/nothing-here' })).json().code).toBe('SZ_ROUTE_NOT_FOUND');
    expect((await env.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await env.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
    const metrics = await env.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('shanzhi_http_requests_total');
    expect(metrics.body).toContain('shanzhi_job_lag_seconds');
    const doc = await env.app.inject({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain('/api/tasks/{id}/complete');
    expect((await env.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });
});
