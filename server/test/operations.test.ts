import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loggerOptions } from '../src/app.ts';
import { deploy, flow, PASSWORD, processXml, REVIEW, removeDir, type TestEnv, testEnv, UNITS } from './support.ts';

describe('operations', () => {
  const envs: TestEnv[] = [];
  afterEach(async () => {
    for (const env of envs.splice(0)) {
      await env.close().catch(() => undefined);
      removeDir(env.dir);
    }
  });

  it('logs request ids and record ids, never passwords, tokens, variables or phone numbers', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const env = await testEnv({ app: { logger: { ...loggerOptions('debug'), stream } } });
    envs.push(env);
    await deploy(env, REVIEW);
    const clerk = await env.as('hefeng');
    const started = await clerk.post('/api/process-instances?secret=13912345678', {
      definitionKey: 'review',
      orgUnit: UNITS.hefeng,
      variables: { 手机: '13912345678', 身份证: '440605199001011234' },
    });
    expect(started.statusCode).toBe(201);
    const log = lines.join('');
    if (process.env.SHOW_LOG) console.log(log);
    expect(log).toContain(started.json().id);
    expect(log).toContain('"reqId"');
    for (const secret of ['13912345678', '440605199001011234', PASSWORD, clerk.token, '身份证']) expect(log).not.toContain(secret);
    expect(started.headers['x-request-id']).toBeTruthy();
  });

  it('reports the open tasks, in all and per procedure, at each scrape', async () => {
    const env = await testEnv();
    envs.push(env);
    await deploy(env, REVIEW);
    const clerk = await env.as('hefeng');
    for (const businessKey of ['HF-1', 'HF-2'])
      await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey });
    const scrape = async () => (await env.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(await scrape()).toContain('\nshanzhi_tasks_open 2\n');
    expect(await scrape()).toContain('\nshanzhi_tasks_open_by_definition{definition_key="review"} 2\n');
    const [task] = (await clerk.get('/api/tasks')).json<{ items: { id: string }[] }>().items;
    await clerk.post(`/api/tasks/${task?.id}/complete`, {});
    expect(await scrape()).toContain('\nshanzhi_tasks_open 1\n');
  });

  it('runs the worker loop by itself: a due timer fires without anyone asking', async () => {
    const env = await testEnv({ app: { startWorkers: true, workers: { pollMs: 20 } } });
    envs.push(env);
    await deploy(
      env,
      processXml(
        'soon',
        `<startEvent id="s"/><intermediateCatchEvent id="t"><timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition></intermediateCatchEvent><endEvent id="e"/>${flow('s', 't', 'e')}`,
      ),
    );
    const clerk = await env.as('hefeng');
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'soon', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    env.clock.advance(61_000);
    for (let i = 0; i < 100 && (await env.store.instances.byId(id))?.status === 'active'; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await env.store.instances.byId(id))?.status).toBe('completed');
  });

  it('shuts down gracefully: long polls answer, leases are given back, commands are refused', async () => {
    const env = await testEnv();
    envs.push(env);
    const admin = await env.as('admin');
    const poll = admin.post('/api/jobs/fetch-and-lock', { types: ['none'], worker: 'w', max: 1, lockMs: 60_000, longPollMs: 60_000 });
    await new Promise((r) => setTimeout(r, 30));
    const owner = env.app.runtime.workers.owner;
    const startedAt = Date.now();
    await env.app.runtime.stop();
    const res = await poll;
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(await env.store.jobs.release(owner)).toBe(0);
    await expect(env.app.runtime.executor.run('x', { type: 'cancel' }, { actor: 'a', internal: true })).rejects.toMatchObject({
      code: 'SZ_SHUTTING_DOWN',
    });
  });
});
