import type { Commit, Store } from '@shanzhi/store';
import { afterEach, describe, expect, it } from 'vitest';
import { deploy, flow, HOUR, processXml, removeDir, type TestEnv, testEnv, UNITS } from './support.ts';

const WAIT_THEN_TASK = processXml(
  'cooling',
  `<startEvent id="start"/>
   <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></intermediateCatchEvent>
   <userTask id="after" name="公示期满确认"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <endEvent id="end"/>
   ${flow('start', 'wait', 'after', 'end')}`,
);

describe('timers are durable', () => {
  const dirs: string[] = [];
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
    for (const d of dirs.splice(0)) removeDir(d);
  });

  it('a timer scheduled before a restart fires after it, exactly once', async () => {
    const first = await testEnv({ idPrefix: 'a' });
    dirs.push(first.dir);
    await deploy(first, WAIT_THEN_TASK);
    const clerk = await first.as('hefeng');
    const instanceId = (await clerk.post('/api/process-instances', { definitionKey: 'cooling', orgUnit: UNITS.hefeng })).json<{
      id: string;
    }>().id;
    // Not due yet: the workers find nothing.
    expect(await first.app.runtime.workers.runDue()).toBe(0);
    expect(await first.store.jobs.countDue(first.clock.now() + 3 * HOUR)).toBe(1);
    await first.close();

    const clock = first.clock;
    clock.advance(2 * HOUR + 1);
    env = await testEnv({ dir: first.dir, clock, idPrefix: 'b', seed: false });
    const second = env;
    expect(await second.app.runtime.workers.runDue()).toBe(1);
    // Running again, and from another process's worker, finds nothing more.
    expect(await second.app.runtime.workers.runDue()).toBe(0);
    expect(await second.store.jobs.claimDue(['timer', 'outbox'], 'another-process', clock.now(), 30_000, 10)).toEqual([]);

    const tasks = await second.store.tasks.ofInstance(instanceId);
    expect(tasks.map((t) => [t.elementId, t.status])).toEqual([['after', 'open']]);
    expect(await second.store.jobs.countDue(clock.now() + 365 * 24 * HOUR)).toBe(0);
    const events = await second.store.events.ofInstance(instanceId);
    expect(events.filter((e) => e.event.type === 'SubscriptionTriggered')).toHaveLength(1);
    expect(events.find((e) => e.event.type === 'SubscriptionTriggered')?.actor).toBe('system:timer');
  });

  it('two workers on one database never run the same timer twice', async () => {
    env = await testEnv();
    dirs.push(env.dir);
    await deploy(env, WAIT_THEN_TASK);
    const clerk = await env.as('hefeng');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await clerk.post('/api/process-instances', { definitionKey: 'cooling', orgUnit: UNITS.hefeng })).json<{ id: string }>().id);
    env.clock.advance(3 * HOUR);
    const other = await testEnv({ dir: env.dir, clock: env.clock, idPrefix: 'c', seed: false });
    try {
      const [a, b] = await Promise.all([env.app.runtime.workers.runDue(), other.app.runtime.workers.runDue()]);
      expect(a + b).toBe(6);
    } finally {
      await other.close();
    }
    for (const id of ids) {
      const events = await env.store.events.ofInstance(id);
      expect(events.filter((e) => e.event.type === 'SubscriptionTriggered')).toHaveLength(1);
      expect((await env.store.tasks.ofInstance(id)).filter((t) => t.status === 'open')).toHaveLength(1);
    }
  });

  it('timers of one instance fired by two processes at once: the loser reads again and retries, each fires once', async () => {
    let armed = false;
    let waiting: (() => void)[] = [];
    let conflicts = 0;
    const wrap = (store: Store): Store => ({
      ...store,
      async commit(c: Commit) {
        if (armed) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length >= 2) {
              armed = false;
              for (const go of waiting) go();
              waiting = [];
            }
          });
        }
        try {
          return await store.commit(c);
        } catch (error) {
          conflicts++;
          throw error;
        }
      },
    });
    const twoTimers = processXml(
      'two',
      `<startEvent id="start"/><parallelGateway id="split"/>
       <intermediateCatchEvent id="t1"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
       <intermediateCatchEvent id="t2"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
       <userTask id="a"/><userTask id="b"/>
       ${flow('start', 'split', 't1', 'a')}${flow('split', 't2', 'b')}`,
    );
    env = await testEnv({ wrapStore: wrap, app: { workers: { batch: 1 } } });
    dirs.push(env.dir);
    await deploy(env, twoTimers);
    const clerk = await env.as('hefeng');
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'two', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    env.clock.advance(2 * HOUR);
    const other = await testEnv({
      dir: env.dir,
      clock: env.clock,
      idPrefix: 'c',
      seed: false,
      wrapStore: wrap,
      app: { workers: { batch: 1 } },
    });
    try {
      armed = true;
      const [x, y] = await Promise.all([env.app.runtime.workers.runDue(), other.app.runtime.workers.runDue()]);
      expect(x + y).toBe(2);
    } finally {
      await other.close();
    }
    expect(conflicts).toBe(1);
    const events = await env.store.events.ofInstance(id);
    expect(events.filter((e) => e.event.type === 'SubscriptionTriggered')).toHaveLength(2);
    expect((await env.store.tasks.ofInstance(id)).map((t) => t.elementId).sort()).toEqual(['a', 'b']);
  });

  it('a worker whose lease ran out and was taken over cannot finish the job: its commit is refused, whole', async () => {
    let held: Promise<void> | undefined;
    let release = () => {};
    let reached = () => {};
    const committing = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const gated = (store: Store): Store => ({
      ...store,
      async commit(c: Commit) {
        if (held && c.jobs?.done?.length) {
          reached();
          await held;
        }
        return store.commit(c);
      },
    });
    env = await testEnv({ wrapStore: gated, app: { workers: { leaseMs: 30_000 } } });
    dirs.push(env.dir);
    await deploy(env, WAIT_THEN_TASK);
    const clerk = await env.as('hefeng');
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'cooling', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    env.clock.advance(2 * HOUR + 1);

    held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = env.app.runtime.workers.runDue(1);
    await committing;
    env.clock.advance(30_001);
    const [takenOver] = await env.store.jobs.claimDue(['timer'], 'server-b', env.clock.now(), 30_000, 1);
    expect(takenOver?.lockedBy).toBe('server-b');
    release();
    await slow;
    const fired = async () => (await env?.store.events.ofInstance(id))?.filter((e) => e.event.type === 'SubscriptionTriggered') ?? [];
    expect(await fired()).toEqual([]);
    expect(await env.store.tasks.ofInstance(id)).toEqual([]);
    expect((await env.app.inject({ method: 'GET', url: '/metrics' })).body).toContain(
      'shanzhi_worker_jobs_total{kind="timer",outcome="lost"} 1',
    );

    held = undefined;
    env.clock.advance(30_001);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(await fired()).toHaveLength(1);
  });
});
