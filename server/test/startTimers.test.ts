import { afterEach, describe, expect, it } from 'vitest';
import { DAY, deploy, flow, HOUR, MINUTE, processXml, removeDir, type TestEnv, testEnv, UNITS } from './support.ts';

/** 村民代表会议: a meeting the timer opens, by default an hour after the procedure is deployed. */
const meeting = (after = 'PT1H', timer: 'timeDate' | 'timeDuration' | 'timeCycle' = 'timeDuration') =>
  processXml(
    'meeting',
    `<startEvent id="due"><timerEventDefinition><${timer}>${after}</${timer}></timerEventDefinition></startEvent>
     <userTask id="convene" name="召开村民代表会议"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
     <endEvent id="end"/>
     ${flow('due', 'convene', 'end')}`,
  );

/** 党建星期二: the pairing session every Tuesday at 14:30 (Beijing time). */
const PARTY_TUESDAY = '0 30 14 * * TUE';

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
  /** When the next job is due (start timers are the only jobs here). */
  const nextDue = (env: TestEnv) => env.store.jobs.oldestDue(env.clock.now() + 365 * DAY);

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

  it('of a weekly cron fire every Tuesday at 14:30 in the process’s time zone', async () => {
    const env = await fresh(); // Monday 5 January 2026, 09:00 in Beijing
    await deploy(env, meeting(PARTY_TUESDAY, 'timeCycle'), UNITS.hefeng);
    const tuesday = Date.UTC(2026, 0, 6, 6, 30); // 14:30 in Beijing
    expect(await nextDue(env)).toBe(tuesday);

    env.clock.t = tuesday - 1;
    expect(await env.app.runtime.workers.runDue()).toBe(0);
    env.clock.t = tuesday;
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(await nextDue(env)).toBe(tuesday + 7 * DAY);

    env.clock.t = tuesday + 7 * DAY;
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect((await instancesOf(env)).map((i) => i.startedAt)).toEqual([tuesday + 7 * DAY, tuesday]);
    expect(await nextDue(env)).toBe(tuesday + 14 * DAY);
  });

  it('of a cycle fire as often as it repeats, then no more', async () => {
    const env = await fresh();
    await deploy(env, meeting('R2/PT1H', 'timeCycle'), UNITS.hefeng);
    for (let run = 1; run <= 2; run++) {
      env.clock.advance(HOUR);
      expect(await env.app.runtime.workers.runDue()).toBe(1);
    }
    expect(await nextDue(env)).toBeUndefined();
    env.clock.advance(10 * DAY);
    expect(await env.app.runtime.workers.runDue()).toBe(0);
    expect(await instancesOf(env)).toHaveLength(2);
  });

  it('of a new version replace a series the version before had begun', async () => {
    const env = await fresh();
    const first = await deploy(env, meeting('R/PT1H', 'timeCycle'), UNITS.hefeng);
    env.clock.advance(HOUR);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(await nextDue(env)).toBe(env.clock.now() + HOUR);

    await deploy(env, meeting(PARTY_TUESDAY, 'timeCycle'), UNITS.hefeng);
    expect(await nextDue(env)).toBe(Date.UTC(2026, 0, 6, 6, 30));
    env.clock.advance(3 * HOUR);
    expect(await env.app.runtime.workers.runDue()).toBe(0);
    expect((await instancesOf(env)).map((i) => i.definitionId)).toEqual([first.id]);
  });

  it('given by FEEL are evaluated at the deploy, with no variables', async () => {
    const env = await fresh();
    const deployedAt = env.clock.now();
    await deploy(env, meeting('=now() + duration("PT2H")', 'timeDate'), UNITS.hefeng);
    env.clock.advance(DAY);
    expect(await nextDue(env)).toBe(deployedAt + 2 * HOUR);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
  });

  it('refuse the deployment, naming the start event, when their FEEL fails without variables', async () => {
    const env = await fresh();
    const admin = await env.as('admin');
    const res = await admin.post('/api/deployments', { xml: meeting('=meetingDay', 'timeDate'), unit: UNITS.hefeng });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: { problems: { elementId?: string; rule: string; message: string }[] } }>();
    expect(body.code).toBe('SZ_BPMN_INVALID');
    expect(body.details.problems).toEqual([
      expect.objectContaining({
        elementId: 'due',
        elementType: 'StartEvent',
        rule: 'timer-invalid',
        message: expect.stringMatching(/^timer start event due, evaluated with no variables: timer date 'null'/),
      }),
    ]);
    expect(await env.store.definitions.latest('meeting', UNITS.hefeng)).toBeUndefined();
    expect(await env.store.jobs.countDue(env.clock.now() + 365 * DAY)).toBe(0);
  });
});
