import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, deploy, flow, processXml, UNITS, useTestEnv } from './support.ts';

/** Posts the resolution on the village's board for five days (村务公开), then asks the clerk to file it. */
const PUBLICISE = processXml(
  'publicise',
  `<startEvent id="s"/>
   <manualTask id="announceStep" name="决议公开"><extensionElements><sz:notice title="=&quot;关于&quot; + matter + &quot;的决议公示&quot;" body="=resolution" days="5" board="村务公开栏"/></extensionElements></manualTask>
   <userTask id="file" name="归档"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <endEvent id="e"/>
   ${flow('s', 'announceStep', 'file', 'e')}`,
);

const board = (unitPath: string) => `/api/public/units/${encodeURIComponent(unitPath)}/notices`;

describe('the public board', () => {
  const env = useTestEnv();
  beforeEach(async () => {
    await deploy(env, PUBLICISE);
  });

  it('shows, without login, what a step posted for the village during its posting period, and nothing else of the case', async () => {
    const clerk = await env.as('hefeng');
    const postedAt = env.clock.now();
    const started = await clerk.post('/api/process-instances', {
      definitionKey: 'publicise',
      orgUnit: UNITS.hefeng,
      variables: { matter: '村道硬化工程', resolution: '经村民代表会议表决通过，总预算八万元。', 申请人手机: '13912345678' },
    });
    const instanceId = started.json<{ id: string }>().id;

    const res = await env.app.inject({ method: 'GET', url: board(UNITS.hefeng) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      unit: { path: UNITS.hefeng, name: '鹤峰村' },
      items: [
        {
          id: expect.any(String),
          title: '关于村道硬化工程的决议公示',
          body: '经村民代表会议表决通过，总预算八万元。',
          board: '村务公开栏',
          postedAt: new Date(postedAt).toISOString(),
          until: new Date(postedAt + 5 * DAY).toISOString(),
        },
      ],
    });
    for (const secret of ['13912345678', env.userId('hefeng'), 'announceStep', instanceId]) expect(res.body).not.toContain(secret);

    expect((await env.app.inject({ method: 'GET', url: board(UNITS.honggang) })).json().items).toEqual([]);
    expect((await env.app.inject({ method: 'GET', url: board(UNITS.lishui) })).json().items).toEqual([]);
    env.clock.advance(5 * DAY);
    expect((await env.app.inject({ method: 'GET', url: board(UNITS.hefeng) })).json().items).toEqual([]);
  });

  it('answers 404 for a unit that does not exist and 400 for what is not a unit path', async () => {
    const missing = await env.app.inject({ method: 'GET', url: board('/nanhai/lishui/nowhere/') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('SZ_UNIT_NOT_FOUND');
    expect((await env.app.inject({ method: 'GET', url: board('hefeng') })).statusCode).toBe(400);
  });
});
