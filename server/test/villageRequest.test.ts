import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@shanzhi/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/password.ts';
import { DEMO_PASSWORD } from '../src/demo/data.ts';
import { loadDemo } from '../src/demo/load.ts';
import { idGenerator, TestClock } from './support.ts';

const HEFENG = '/nanhai/lishui/hefeng/';
type Task = { id: string; name: string; elementId: string };

/**
 * The demo's everyday procedure over the API, as the browser journey walks it: filed by the
 * clerk, sent back by the secretary with a reason, filed again, reviewed, countersigned by both
 * committee members, posted on the village board.
 */
describe('村级事务申报 (the demo village request)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'shanzhi-request-'));
  let app: FastifyInstance;
  beforeAll(async () => {
    const store = createSqliteStore({ file: join(folder, 'db'), filesDir: join(folder, 'files'), synchronous: 'NORMAL' });
    app = await buildApp({ store, jwtSecret: 'request-test-secret-request', clock: new TestClock(), newId: idGenerator('r') });
    await app.ready();
    await loadDemo({
      store,
      runtime: app.runtime,
      clock: app.clock,
      newId: app.newId,
      hashPassword: (p) => hashPassword(p, { N: 1024, r: 8, p: 1 }),
    });
  });
  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function as(username: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    const headers = { authorization: `Bearer ${res.json<{ token: string }>().token}` };
    return {
      get: (url: string) => app.inject({ method: 'GET', url, headers }),
      post: (url: string, payload: object = {}) => app.inject({ method: 'POST', url, headers, payload }),
      async task(name: string): Promise<Task> {
        const items = (await this.get('/api/tasks?status=open')).json<{ items: Task[] }>().items;
        const task = items.find((t) => t.name === name);
        if (!task) throw new Error(`${username} has no task ${name}: ${items.map((t) => t.name).join(', ')}`);
        return task;
      },
    };
  }

  const request = {
    title: '村委会议室添置投影仪',
    amount: 3800,
    contactMobile: '13800138000',
    description: '会议室投影仪损坏已两年，购置一台。',
  };

  it('runs from the clerk to the public board, through a return and a countersign', async () => {
    const clerk = await as('hefeng-banshi');
    const started = await clerk.post('/api/process-instances', { definitionKey: 'village_request', orgUnit: HEFENG });
    expect(started.statusCode).toBe(201);
    const [fill] = started.json<{ tasks: Task[] }>().tasks;
    expect(fill?.name).toBe('填写申报');

    const invalid = await clerk.post(`/api/tasks/${fill?.id}/complete`, { variables: { ...request, contactMobile: '1380013800' } });
    expect(invalid.statusCode).toBe(400);
    expect(JSON.stringify(invalid.json())).toContain('contactMobile');
    expect((await clerk.post(`/api/tasks/${fill?.id}/complete`, { variables: request })).statusCode).toBe(200);

    const secretary = await as('hefeng-shuji');
    const review = await secretary.task('书记审核');
    expect((await secretary.post(`/api/tasks/${review.id}/return`, { reason: '请附上报价单' })).statusCode).toBe(200);

    const again = await clerk.task('填写申报');
    expect(
      (
        await clerk.post(`/api/tasks/${again.id}/complete`, {
          variables: { ...request, description: '购置一台，报价 3800 元，村集体办公经费。' },
        })
      ).statusCode,
    ).toBe(200);
    const review2 = await secretary.task('书记审核');
    expect((await secretary.post(`/api/tasks/${review2.id}/complete`, { variables: { reviewOpinion: '同意' } })).statusCode).toBe(200);
    // The committee (role:approver of 鹤峰村) is named by the server's worker as the step begins.
    await app.runtime.workers.runDue();

    for (const member of [secretary, await as('hefeng-liangwei')]) {
      const sign = await member.task('两委会签');
      expect((await member.post(`/api/tasks/${sign.id}/complete`, { variables: { decision: '同意' } })).statusCode).toBe(200);
    }
    await app.runtime.workers.runDue();
    const board = await app.inject({ method: 'GET', url: `/api/public/units/${encodeURIComponent(HEFENG)}/notices` });
    expect(board.json<{ items: { title: string; body: string }[] }>().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: '村委会议室添置投影仪（两委会签通过）' })]),
    );
    const timeline = (await clerk.get(`/api/process-instances/${started.json<{ id: string }>().id}/timeline`)).json<{
      items: { kind: string; stepName?: string; assigneeName?: string; actorName?: string }[];
    }>();
    const countersign = timeline.items.filter((i) => i.stepName === '两委会签');
    expect(
      countersign
        .filter((i) => i.kind === 'arrived')
        .map((i) => i.assigneeName)
        .sort(),
    ).toEqual(['张建国', '李秀英'].sort());
    expect(countersign.filter((i) => i.kind === 'completed')).toHaveLength(2);
  });
});
