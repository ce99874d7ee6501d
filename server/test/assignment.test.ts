import { describe, expect, it } from 'vitest';
import { deploy, flow, processXml, UNITS, useTestEnv } from './support.ts';

/** Steps given to people the way a designer types them: usernames, FEEL, roles of the instance's unit and the unit above. */
const MATTER = processXml(
  'matter',
  `<startEvent id="s"/><parallelGateway id="fork"/>
   <userTask id="byName" name="书记审核"><extensionElements><sz:assignment assignee="hefeng"/></extensionElements></userTask>
   <userTask id="byFeel" name="经办人办理"><extensionElements><sz:assignment assignee="=handler"/></extensionElements></userTask>
   <userTask id="byRole" name="村审批"><extensionElements><sz:assignment candidateUsers="role:approver"/></extensionElements></userTask>
   <userTask id="byParent" name="镇督办"><extensionElements><sz:assignment candidateGroups="role:town-admin@parent"/></extensionElements></userTask>
   ${flow('s', 'fork')}${flow('fork', 'byName')}${flow('fork', 'byFeel')}${flow('fork', 'byRole')}${flow('fork', 'byParent')}`,
);

describe('who gets a task', () => {
  const env = useTestEnv();

  it('resolves usernames, FEEL and roles when the task is created', async () => {
    await deploy(env, MATTER);
    const clerk = await env.as('hefeng');
    const started = await clerk.post('/api/process-instances', {
      definitionKey: 'matter',
      orgUnit: UNITS.hefeng,
      variables: { handler: 'honggang' },
    });
    expect(started.statusCode).toBe(201);
    const tasks = (await env.store.tasks.ofInstance(started.json().id)).map((t) => ({
      el: t.elementId,
      assignee: t.assignee,
      groups: t.candidateGroups,
    }));
    const of = (el: string) => tasks.find((t) => t.el === el);
    expect(of('byName')?.assignee).toBe(env.userId('hefeng'));
    expect(of('byFeel')?.assignee).toBe(env.userId('honggang'));
    expect(of('byRole')?.groups).toContain(`approver@${UNITS.hefeng}`);
    expect(of('byParent')?.groups).toEqual([`town-admin@${UNITS.lishui}`, `town-admin@${UNITS.nanhai}`, 'town-admin@/']);
    const admin = await env.as('admin');
    const inbox = (await admin.get('/api/tasks')).json<{ items: { elementId: string }[] }>().items.map((t) => t.elementId);
    expect(inbox).toContain('byParent');
  });

  it('gives a task whose FEEL names nobody to the unit’s admins, so it does not wait for no one', async () => {
    await deploy(env, MATTER);
    const clerk = await env.as('hefeng');
    const started = await clerk.post('/api/process-instances', {
      definitionKey: 'matter',
      orgUnit: UNITS.hefeng,
      variables: { handler: 'nobody-here' },
    });
    const task = (await env.store.tasks.ofInstance(started.json().id)).find((t) => t.elementId === 'byFeel');
    expect(task?.assignee).toBeUndefined();
    expect(task?.candidateGroups).toContain(`village-admin@${UNITS.hefeng}`);
    const admin = await env.as('admin');
    expect((await admin.get('/api/tasks')).json<{ items: { id: string }[] }>().items.map((t) => t.id)).toContain(task?.id);
  });

  it('refuses a model that gives a step to a username nobody has, naming the step', async () => {
    const admin = await env.as('admin');
    const typo = processXml(
      'typo',
      `<startEvent id="s"/><userTask id="sign"><extensionElements><sz:assignment assignee="hefeng-shuij"/></extensionElements></userTask>${flow('s', 'sign')}`,
    );
    const res = await admin.post('/api/deployments', { xml: typo, unit: UNITS.lishui });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems).toEqual([
      expect.objectContaining({ rule: 'assignee-unknown', elementId: 'sign', message: expect.stringContaining("'hefeng-shuij'") }),
    ]);
  });
});
