import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Store } from '@shanzhi/store';
import { createSqliteStore } from '@shanzhi/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/password.ts';
import { DEMO_ADOPTIONS, DEMO_INSTANCES, DEMO_PASSWORD, DEMO_PROCEDURES, DEMO_UNITS, DEMO_USERS } from '../src/demo/data.ts';
import { isEmptyStore, loadDemo, nothingAdded } from '../src/demo/load.ts';
import { idGenerator, TestClock } from './support.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-demo-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** An app on a fresh SQLite file, the demo loaded through its runtime (cheap scrypt parameters for speed). */
async function demoApp(name: string): Promise<{ app: FastifyInstance; store: Store }> {
  const store = createSqliteStore({ file: join(folder, `${name}.db`), filesDir: join(folder, `${name}-files`), synchronous: 'NORMAL' });
  const app = await buildApp({ store, jwtSecret: 'demo-test-secret-demo-test', clock: new TestClock(), newId: idGenerator('d') });
  await app.ready();
  return { app, store };
}

const cheapHash = (password: string) => hashPassword(password, { N: 1024, r: 8, p: 1 });

async function login(app: FastifyInstance, username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, `login ${username}`).toBe(200);
  const headers = { authorization: `Bearer ${res.json<{ token: string }>().token}` };
  return <T>(url: string) => app.inject({ method: 'GET', url, headers }).then((r) => r.json<T>());
}

type Items<T> = { items: T[] };

describe('demo data', () => {
  it('loads the Nanhai tree with its real names, users for every role in two towns and four villages, the towns’ templates as their villages adopted them, registers and work under way; a second load changes nothing', async () => {
    const { app, store } = await demoApp('twice');
    try {
      expect(await isEmptyStore(store)).toBe(true);
      const ctx = { store, runtime: app.runtime, clock: app.clock, newId: app.newId, hashPassword: cheapHash };
      const first = await loadDemo(ctx);
      expect(first).toEqual({
        units: DEMO_UNITS.length,
        users: DEMO_USERS.length,
        definitions: DEMO_PROCEDURES.length,
        adoptions: DEMO_ADOPTIONS.length,
        instances: DEMO_INSTANCES.length,
      });
      const adoptions = await store.adoptions.within(['/']);
      expect(adoptions.map((a) => [a.unitPath, a.templateId])).toEqual([
        ['/nanhai/dali/lizhong/', 'key-matters'],
        ['/nanhai/dali/taiping/', 'key-matters'],
        ['/nanhai/dali/taiping/', 'rental-housing'],
        ...['/nanhai/lishui/hefeng/', '/nanhai/lishui/honggang/'].flatMap((unit) => [
          [unit, 'covenant-amendment'],
          [unit, 'key-matters'],
          [unit, 'pairing-schedule'],
          [unit, 'rental-housing'],
        ]),
      ]);
      const keyMatters = adoptions.filter((a) => a.templateId === 'key-matters').map((a) => JSON.stringify(a.overlay));
      expect(new Set(keyMatters).size).toBe(4);
      // Every role a village's procedures hand work to has a holder in each of the four villages, and each town has its staff.
      const grants = DEMO_USERS.flatMap((u) => u.grants.map(([role, unit]) => `${role}@${unit}`));
      for (const unit of ['/nanhai/lishui/hefeng/', '/nanhai/lishui/honggang/', '/nanhai/dali/taiping/', '/nanhai/dali/lizhong/'])
        for (const role of ['village-admin', 'clerk', 'approver', 'member', 'grid-worker']) expect(grants).toContain(`${role}@${unit}`);
      for (const town of ['/nanhai/lishui/', '/nanhai/dali/'])
        for (const role of ['town-admin', 'designer', 'approver', 'clerk']) expect(grants).toContain(`${role}@${town}`);
      const clauses = await store.registers.entries({ unitPath: '/nanhai/lishui/hefeng/', register: 'covenant-clauses', limit: 10 });
      expect(clauses.items.map((c) => c.key)).toEqual(['1', '2', '3']);
      expect(await isEmptyStore(store)).toBe(false);

      const units = await store.units.under('/');
      const named = (name: string) => units.find((u) => u.name === name);
      expect(named('南海区')).toMatchObject({ path: '/nanhai/', kind: 'district' });
      expect(named('里水镇')).toMatchObject({ path: '/nanhai/lishui/', kind: 'town' });
      expect(named('鹤峰村')).toMatchObject({ path: '/nanhai/lishui/hefeng/', kind: 'village' });
      expect(named('宏岗村')).toMatchObject({ path: '/nanhai/lishui/honggang/', kind: 'village' });
      expect(named('高边经济社')).toMatchObject({ path: '/nanhai/lishui/hefeng/gaobian/', kind: 'cooperative' });
      expect(named('太平社区')?.path).toBe('/nanhai/dali/taiping/');
      expect(named('白界西经济社')?.path).toBe('/nanhai/dali/taiping/baijiexi/');
      expect(named('大圩社区')?.path).toBe('/nanhai/guicheng/daxu/');
      expect(named('璜溪经济社')?.path).toBe('/nanhai/shishan/gaobian/huangxi/');
      for (const dept of ['党建办', '民政办', '农业农村办', '综合执法办']) expect(named(dept)).toMatchObject({ kind: 'department' });
      expect((await store.units.under('/nanhai/lishui/')).map((u) => u.name)).not.toContain('太平社区');

      const shuji = await store.users.byUsername('hefeng-shuji');
      expect(shuji?.displayName).toBe('张建国');
      expect(await store.users.grantsOf(shuji?.id ?? '')).toEqual([
        { userId: shuji?.id, role: 'approver', unitPath: '/nanhai/lishui/hefeng/' },
      ]);
      const instances = await store.instances.list({ reach: ['/'], limit: 50 });
      expect(instances.items.map((i) => i.businessKey).sort()).toEqual(DEMO_INSTANCES.map((d) => d.businessKey).sort());
      const events = async () => (await Promise.all(instances.items.map((i) => store.events.ofInstance(i.id)))).flat().length;
      const eventsBefore = await events();

      const second = await loadDemo(ctx);
      expect(nothingAdded(second)).toBe(true);
      expect((await store.registers.history('/nanhai/lishui/hefeng/', 'covenant-clauses', '1')).length).toBe(1);
      expect((await store.units.under('/')).length).toBe(units.length);
      expect((await store.instances.list({ reach: ['/'], limit: 50 })).items.length).toBe(DEMO_INSTANCES.length);
      expect(await events()).toBe(eventsBefore);
      expect(await store.events.verify()).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it("gives each role its reach: a 鹤峰村 clerk sees 鹤峰村 and its cooperative, never 宏岗村; the secretaries' inboxes hold the demo tasks", async () => {
    const { app, store } = await demoApp('reach');
    try {
      await loadDemo({ store, runtime: app.runtime, clock: app.clock, newId: app.newId, hashPassword: cheapHash });

      const clerk = await login(app, 'hefeng-banshi');
      const seen = (await clerk<Items<{ path: string; name: string }>>('/api/org/units')).items.map((u) => u.name);
      expect(seen).toEqual(['鹤峰村', '高边经济社']);
      const hefengWork = (await clerk<Items<{ unitPath: string }>>('/api/process-instances')).items;
      expect(hefengWork).toHaveLength(DEMO_INSTANCES.filter((d) => d.unitPath.startsWith('/nanhai/lishui/hefeng/')).length);

      const neighbour = await login(app, 'honggang-banshi');
      expect((await neighbour<Items<{ name: string }>>('/api/org/units')).items.map((u) => u.name)).toEqual(['宏岗村']);
      const honggangWork = (await neighbour<Items<{ unitPath: string }>>('/api/process-instances')).items;
      expect(honggangWork.map((i) => i.unitPath)).toEqual(
        DEMO_INSTANCES.filter((d) => d.unitPath === '/nanhai/lishui/honggang/').map((d) => d.unitPath),
      );
      expect((await (await login(app, 'honggang-shuji'))<Items<{ name: string }>>('/api/tasks')).items.map((t) => t.name)).toEqual([
        '起草修订稿',
      ]);

      const town = await login(app, 'lishui-guanli');
      const townUnits = (await town<Items<{ name: string }>>('/api/org/units')).items.map((u) => u.name);
      expect(townUnits).toEqual(expect.arrayContaining(['里水镇', '鹤峰村', '宏岗村', '党建办']));
      expect(townUnits).not.toContain('大沥镇');

      const secretary = await login(app, 'hefeng-shuji');
      const inbox = (await secretary<Items<{ name: string }>>('/api/tasks')).items.map((t) => t.name).sort();
      expect(inbox).toEqual(['两委会议商议', '党组织提议']);
      const member = await login(app, 'hefeng-liangwei');
      expect((await member<Items<{ name: string }>>('/api/tasks')).items.map((t) => t.name)).toEqual(['两委会议商议']);
    } finally {
      await app.close();
    }
  });
});

describe('the demo dashboard', () => {
  it('shows 里水镇 matters of the last two months in two villages: overdue, closed on time and closed late', async () => {
    const { app, store } = await demoApp('dashboard');
    try {
      await loadDemo({ store, runtime: app.runtime, clock: app.clock, newId: app.newId, hashPassword: cheapHash });
      const now = app.clock.now();
      const range = `from=${new Date(now - 90 * 86_400_000).toISOString()}&to=${new Date(now + 1).toISOString()}`;
      const town = await login(app, 'lishui-guanli');
      const stats = await town<{ rows: { name: string; open: number; overdue: number; closedOnTime: number; closedLate: number }[] }>(
        `/api/stats/matters?unit=/nanhai/lishui/&${range}`,
      );
      const villages = stats.rows.filter((r) => r.open + r.closedOnTime + r.closedLate > 0);
      expect(villages.map(({ name, open, overdue, closedOnTime, closedLate }) => [name, open, overdue, closedOnTime, closedLate])).toEqual([
        ['鹤峰村', 4, 1, 3, 1],
        ['宏岗村', 2, 1, 2, 1],
      ]);
      expect(await store.events.verify()).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('cancelling a demo key matter', () => {
  it('is refused to the 鹤峰村 clerk who started it and done by the 鹤峰村 admin, with the reason shown', async () => {
    const { app, store } = await demoApp('cancel');
    try {
      await loadDemo({ store, runtime: app.runtime, clock: app.clock, newId: app.newId, hashPassword: cheapHash });
      const matter = await store.instances.byBusinessKey('key_matters', '/nanhai/lishui/hefeng/', 'HF-2026-001');
      const cancel = async (username: string) => {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
        return app.inject({
          method: 'POST',
          url: `/api/process-instances/${matter?.id}/cancel`,
          headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` },
          payload: { reason: '村民代表会议决定暂缓' },
        });
      };
      expect(matter?.startedBy).toBe((await store.users.byUsername('hefeng-banshi'))?.id);
      const byClerk = await cancel('hefeng-banshi');
      expect(byClerk.statusCode).toBe(403);
      expect(byClerk.json().message).toContain('只有鹤峰村的管理员才能取消');
      expect((await cancel('hefeng-guanli')).statusCode).toBe(200);
      const detail = await (await login(app, 'hefeng-banshi'))<{ cancelled: { reason: string } }>(`/api/process-instances/${matter?.id}`);
      expect(detail.cancelled.reason).toBe('村民代表会议决定暂缓');
    } finally {
      await app.close();
    }
  });
});

describe('pnpm start', () => {
  it('serves on an ephemeral port with a fresh data dir, loads the demo, prints the URL and logins; a demo user sees a task', async () => {
    const dataDir = join(folder, 'server-data');
    const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '..', 'src', 'demo', 'start.ts')],
      {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SHANZHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const stderr: string[] = [];
    child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
    const printed: string[] = [];
    try {
      let url: string | undefined;
      for await (const line of createInterface({ input: child.stdout })) {
        printed.push(line);
        url ??= /已启动 \(server started\): (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
        if (url && line.includes('Ctrl+C')) break;
      }
      expect(url, `server output:\n${printed.join('\n')}\n${stderr.join('')}`).toBeDefined();
      const out = printed.join('\n');
      expect(out).toContain(`${url}/docs`);
      expect(out).toContain(DEMO_PASSWORD);
      for (const u of DEMO_USERS) expect(out).toContain(u.username);

      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'hefeng-shuji', password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      const { token } = (await res.json()) as { token: string };
      const inbox = (await (await fetch(`${url}/api/tasks`, { headers: { authorization: `Bearer ${token}` } })).json()) as Items<{
        name: string;
      }>;
      expect(inbox.items.map((t) => t.name)).toContain('党组织提议');
    } finally {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const [code] = await exited;
        expect(code, 'a graceful stop exits 0').toBe(0);
      }
    }
  }, 60_000);
});
