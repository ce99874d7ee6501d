import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestEnv, testEnv } from './support.ts';

/** A build as Vite leaves it: index.html and hashed assets. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'shanzhi-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>善治</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  return root;
}

describe('the web app at /', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv({ app: { webDir: fakeBuild() } });
  });
  afterAll(() => env.close());

  const get = (url: string, method: 'GET' | 'POST' = 'GET') => env.app.inject({ method, url, headers: { accept: 'text/html' } });

  it('answers / and every screen address with the app page, without login, never cached', async () => {
    for (const url of ['/', '/inbox', '/tasks/t-42?tab=history', '/public/%2Fnanhai%2Flishui%2Fhefeng%2F']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves the hashed assets for good and other files of the build as they are', async () => {
    const js = await get('/assets/index-abc123.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await get('/favicon.svg')).body).toBe('<svg/>');
  });

  it('leaves the API its own JSON 404 and never serves a file outside the build', async () => {
    const api = await get('/api/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'SZ_ROUTE_NOT_FOUND' });
    for (const url of ['/../../etc/passwd', '/assets/..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/etc/hostname']) {
      const res = await get(url);
      expect(res.body, url).not.toContain('root:');
      expect([200, 400, 404], url).toContain(res.statusCode);
    }
    expect((await get('/inbox', 'POST')).statusCode).toBe(404);
  });
});

describe('a server whose web app is not built', () => {
  it('says at / how to build it', async () => {
    const env = await testEnv({ app: { webDir: join(tmpdir(), 'shanzhi-no-build') } });
    const res = await env.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('pnpm build:web');
    await env.close();
  });
});
