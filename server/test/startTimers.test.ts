import { afterEach, describe, expect, it } from 'vitest';
import { deploy, flow, HOUR, MINUTE, processXml, removeDir, type TestEnv, testEnv, UNITS } from './support.ts';

/** 村民代表会议: a meeting the timer opens an hour (or `after`) after the procedure is deployed. */
const meeting = (after = 'PT1H') =>
  processXml(
    'meeting',
    `<startEvent id="due"><timerEventDefinition><timeDuration>${after}</timeDuration></timerEventDefinition></startEvent>
     <userTask id="convene" name="召开村民代表会议"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
     <endEvent id="end"/>
     ${flow('due', 'convene', 'end')}`,
  );

describe('timer start events', () => {
  const envs: TestEnv[] = [];
  const fresh = async (options: Parameters<typeof testEnv>[0] = {}) => {
    const env = await testEnv(options);
    envs.push(env);
    return env;
  };
  afterEach(async () => {
    const closing = envs.splice(0).reverse();
    for (const env of closing) await env.close();
    for (const dir of new Set(closing.map((e) => e.dir))) removeDir(dir);
  });

  const instancesOf = async (env: TestEnv) => (await env.store.instances.list({ reach: [UNITS.hefeng], limit: 50 })).items;

  it('are armed at deploy and start one instance when due, as the timer', async () => {
    const env = await fresh();
    const definition = await deploy(env, meeting(), UNITS.hefeng);
    expect(await env.app.runtime.workers.runDue()).toBe(0);
    expect(await env.store.jobs.countDue(env.clock.now() + HOUR)).toBe(1);

    env.clock.advance(HOUR);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    const [started] = await instancesOf(env);
    expect(started).toMatchObject({ definitionId: definition.id, unitPath: UNITS.hefeng, startedBy: 'system:timer', status: 'active' });
    const clerk = await env.as('hefeng');
    expect((await clerk.get('/api/tasks')).json().items.map((t: { instanceId: string }) => t.instanceId)).toEqual([started?.id]);

    env.clock.advance(24 * HOUR);
    expect(await env.app.runtime.workers.runDue()).toBe(0);
    expect(await instancesOf(env)).toHaveLength(1);
    expect(await env.store.jobs.countDue(env.clock.now() + 365 * 24 * HOUR)).toBe(0);
  });

  it('of a new version replace those of the version before', async () => {
    const env = await fresh();
    await deploy(env, meeting('PT1H'), UNITS.hefeng);
    env.clock.advance(30 * MINUTE);
    const second = await deploy(env, meeting('PT2H'), UNITS.hefeng);
    env.clock.advance(HOUR);
    expect(await env.app.runtime.workers.runDue()).toBe(0);
    expect(await instancesOf(env)).toEqual([]);
    env.clock.advance(HOUR);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect((await instancesOf(env)).map((i) => i.definitionId)).toEqual([second.id]);
  });

  it('start one instance when two server processes fire them at once', async () => {
    const env = await fresh();
    await deploy(env, meeting(), UNITS.hefeng);
    env.clock.advance(HOUR);
    const other = await fresh({ dir: env.dir, clock: env.clock, idPrefix: 'c', seed: false });
    const [a, b] = await Promise.all([env.app.runtime.workers.runDue(), other.app.runtime.workers.runDue()]);
    expect(a + b).toBe(1);
    expect(await instancesOf(env)).toHaveLength(1);
  });

  it('start no second instance when a run is repeated after a worker died between the start and the end of its job', async () => {
    const env = await fresh();
    await deploy(env, meeting(), UNITS.hefeng);
    env.clock.advance(HOUR);
    // The worker that died: it took the job, started the instance, and never ended the job.
    const [job] = await env.store.jobs.claimDue(['startTimer'], 'server-dead', env.clock.now(), 30_000, 1);
    if (job?.kind !== 'startTimer') throw new Error('no start timer to take');
    const definition = await env.app.runtime.definitions.byId(job.definitionId);
    if (!definition) throw new Error('the definition is gone');
    await env.app.runtime.executor.start({
      definition,
      id: String(job.payload.instanceId),
      unitPath: UNITS.hefeng,
      actor: 'system:timer',
      startEvent: 'due',
    });

    expect(await env.app.runtime.workers.runDue()).toBe(0);
    env.clock.advance(30_001);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect((await instancesOf(env)).map((i) => i.id)).toEqual([job.payload.instanceId]);
    expect(await env.store.jobs.byId(job.id)).toBeUndefined();
  });
});
