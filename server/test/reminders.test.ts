import { describe, expect, it } from 'vitest';
import { deploy, flow, HOUR, MINUTE, processXml, UNITS, useTestEnv } from './support.ts';

/** 办理 is due 30 hours after it opens, offered to the clerks of the village. */
const DUE = processXml(
  'due',
  `<startEvent id="s"/>
   <userTask id="handle" name="办理"><extensionElements><sz:assignment candidateGroups="clerk"/><sz:schedule dueDate="PT30H"/></extensionElements></userTask>
   <endEvent id="e"/>${flow('s', 'handle', 'e')}`,
);

describe('reminders of due dates', () => {
  const env = useTestEnv();
  const remindersOf = async () =>
    (await (await env.as('hefeng')).get('/api/notifications'))
      .json<{ items: { kind: string; title: string }[] }>()
      .items.filter((n) => n.kind !== 'task');

  it('tells the holder once a day before the task is due, and once when it is overdue', async () => {
    await deploy(env, DUE);
    const clerk = await env.as('hefeng');
    await clerk.post('/api/process-instances', { definitionKey: 'due', orgUnit: UNITS.hefeng, businessKey: 'HF-门牌-07' });
    expect(await env.app.runtime.reminders.sweep()).toBe(0);
    env.clock.advance(6 * HOUR);
    expect(await env.app.runtime.reminders.sweep()).toBe(1);
    expect(await env.app.runtime.reminders.sweep()).toBe(0);
    expect(await remindersOf()).toEqual([expect.objectContaining({ kind: 'due-soon', title: '即将到期：办理（HF-门牌-07）' })]);
    env.clock.advance(24 * HOUR + MINUTE);
    expect(await env.app.runtime.reminders.sweep()).toBe(1);
    expect((await remindersOf()).map((n) => n.kind)).toEqual(['overdue', 'due-soon']);
  });

  it('leaves a task done in time alone', async () => {
    await deploy(env, DUE);
    const clerk = await env.as('hefeng');
    const started = await clerk.post('/api/process-instances', { definitionKey: 'due', orgUnit: UNITS.hefeng });
    const task = started.json<{ tasks: { id: string }[] }>().tasks[0]?.id;
    await clerk.post(`/api/tasks/${task}/complete`, {});
    env.clock.advance(6 * HOUR);
    expect(await env.app.runtime.reminders.sweep()).toBe(0);
    env.clock.advance(25 * HOUR);
    expect(await env.app.runtime.reminders.sweep()).toBe(0);
  });
});

describe('reminders after no server ran for a while', () => {
  const env = useTestEnv();

  it('tells of a task that fell overdue meanwhile, late, when a server starts', async () => {
    await deploy(env, DUE);
    const clerk = await env.as('hefeng');
    await clerk.post('/api/process-instances', { definitionKey: 'due', orgUnit: UNITS.hefeng });
    env.clock.advance(40 * HOUR);
    expect(await env.app.runtime.reminders.sweep()).toBe(0);
    expect(await env.app.runtime.reminders.sweep(3 * 24 * HOUR)).toBe(1);
  });
});
