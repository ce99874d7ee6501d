import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '@shanzhi/engine';
import type { Store } from '@shanzhi/store';
import { describe, expect, it } from 'vitest';
import { type HttpClient, signIn, spawnDemoServer } from './serverProcess.ts';
import { deploy, flow, processXml, removeDir, type TestEnv, UNITS, uploadModel, useTestEnv, when } from './support.ts';

/** gw -> step -> gw while `condition` holds: a loop of steps in which nothing ever waits. */
const loop = (id: string, condition: string) =>
  processXml(
    id,
    `<startEvent id="s"/><exclusiveGateway id="gw" default="out"/>
     <scriptTask id="step" name="再算一遍"><extensionElements><zeebe:script expression="=turns + 1" resultVariable="turns"/></extensionElements></scriptTask>
     <endEvent id="e"/>
     ${flow('s', 'gw')}${when('gw', 'step', condition)}${flow('step', 'gw')}
     <sequenceFlow id="out" sourceRef="gw" targetRef="e"/>`,
  );
/** Loops for ever: a designer's mistake. */
const SPIN = loop('spin', '=true');
/** Loops 400 times (800 activations): longer than a budget of 500 allows one command. */
const COUNTED = loop('counted', '=turns < 400');

interface Detail {
  instance: { status: string; incidents: number };
  variables: { turns?: number };
  incidents: { id: string; code: string; elementId: string; message: string }[];
}

async function startAtHefeng(env: TestEnv, definitionKey: string) {
  const clerk = await env.as('hefeng');
  const res = await clerk.post('/api/process-instances', { definitionKey, orgUnit: UNITS.hefeng, variables: { turns: 0 } });
  return { status: res.statusCode, id: res.json<{ id: string }>().id };
}

async function detailOf(env: TestEnv, id: string): Promise<Detail> {
  return (await (await env.as('admin')).get(`/api/process-instances/${id}`)).json<Detail>();
}

describe('a process that loops without waiting', () => {
  describe('at the default budget', () => {
    const env = useTestEnv();

    it('is stopped after 10,000 activations: the clerk gets the instance, the town admin one SZ_LOOP_LIMIT incident naming the loop', async () => {
      await deploy(env, SPIN);
      const { status, id } = await startAtHefeng(env, 'spin');
      expect(status).toBe(201);
      const detail = await detailOf(env, id);
      expect(detail.instance).toMatchObject({ status: 'active', incidents: 1 });
      expect(detail.incidents).toEqual([
        expect.objectContaining({ code: 'SZ_LOOP_LIMIT', elementId: expect.stringMatching(/^(gw|step)$/) }),
      ]);
      expect(detail.incidents[0]?.message).toMatch(/loops through (gw|step) \(\d+x\), (gw|step) \(\d+x\)/);
      // Two activations a turn: the whole budget went round the loop, and no more.
      expect(detail.variables.turns).toBeGreaterThan(DEFAULT_LIMITS.activations / 2 - 10);
      expect(detail.variables.turns).toBeLessThanOrEqual(DEFAULT_LIMITS.activations / 2);
    });

    it('shows its long history a page at a time, not all at once', async () => {
      await deploy(env, SPIN);
      const { id } = await startAtHefeng(env, 'spin');
      const admin = await env.as('admin');
      const detail = (await admin.get(`/api/process-instances/${id}`)).json<{ history: { seq: number }[]; historyNext?: number }>();
      expect(detail.history.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(detail.historyNext).toBe(200);
      const page = (await admin.get(`/api/process-instances/${id}/history?after=200&limit=1000`)).json<{
        items: { seq: number }[];
        next?: number;
      }>();
      expect(page.items[0]?.seq).toBe(201);
      expect(page.items).toHaveLength(1000);
      expect(page.next).toBe(1200);
    });
  });

  describe('at a budget of 500', () => {
    const env = useTestEnv({ app: { limits: { activations: 500 } } });

    it('goes on where it stopped when the town admin resolves the incident, and completes', async () => {
      await deploy(env, COUNTED);
      const { id } = await startAtHefeng(env, 'counted');
      const stopped = await detailOf(env, id);
      expect(stopped.incidents.map((i) => i.code)).toEqual(['SZ_LOOP_LIMIT']);
      expect(stopped.variables.turns).toBeGreaterThan(200);
      expect(stopped.variables.turns).toBeLessThan(250);

      const admin = await env.as('admin');
      const resolved = await admin.post(`/api/incidents/${id}/${stopped.incidents[0]?.id}/resolve`);
      expect(resolved.statusCode).toBe(200);
      expect(resolved.json()).toMatchObject({ status: 'completed', incidents: 0 });
      expect((await detailOf(env, id)).variables.turns).toBe(400);
    });

    it('stops again, on a fresh incident, when resolving does not end the loop', async () => {
      await deploy(env, SPIN);
      const { id } = await startAtHefeng(env, 'spin');
      const [first] = (await detailOf(env, id)).incidents;
      const admin = await env.as('admin');
      expect((await admin.post(`/api/incidents/${id}/${first?.id}/resolve`)).json()).toMatchObject({ status: 'active', incidents: 1 });
      const [second] = (await detailOf(env, id)).incidents;
      expect(second).toMatchObject({ code: 'SZ_LOOP_LIMIT' });
      expect(second?.id).not.toBe(first?.id);
    });
  });
});

/** A process whose call activity calls `other`, deployed on its own. */
const callsBack = (id: string, other: string) =>
  processXml(
    id,
    `<startEvent id="s"/><callActivity id="call_${other}" calledElement="${other}"/><endEvent id="e"/>${flow('s', `call_${other}`, 'e')}`,
  );

/** Runs the outbox until nothing is left to do, for at most `rounds` rounds. */
async function runUntilQuiet(env: TestEnv, rounds = 50): Promise<void> {
  for (let round = 0; round < rounds && (await env.app.runtime.workers.runDue()) > 0; round++);
}

describe('processes that call each other, deployed one by one', () => {
  const env = useTestEnv({ app: { limits: { callDepth: 5 } } });

  it('stop at the depth limit with an SZ_CALL_DEPTH incident: six instances, no more', async () => {
    await deploy(env, callsBack('ping', 'pong'));
    await deploy(env, callsBack('pong', 'ping'));
    const { status, id } = await startAtHefeng(env, 'ping');
    expect(status).toBe(201);
    await runUntilQuiet(env);

    const instances = (await env.store.instances.list({ reach: ['/'], limit: 100 })).items;
    expect(instances).toHaveLength(6);
    expect(instances.every((i) => i.status === 'active')).toBe(true);
    const deepest = instances.filter((i) => i.incidents > 0);
    expect(deepest).toHaveLength(1);
    const { incidents } = await detailOf(env, deepest[0]?.id as string);
    expect(incidents).toEqual([
      expect.objectContaining({
        code: 'SZ_CALL_DEPTH',
        elementId: 'call_ping',
        message: expect.stringMatching(/6 deep, past the limit of 5/),
      }),
    ]);
    expect(instances.find((i) => i.id === id)?.parentId).toBeUndefined();
  });
});

describe('processes that call each other three times over, deployed one by one', () => {
  const env = useTestEnv({ app: { workers: { maxCalledPerTree: 20 } } });
  const fansOut = (id: string, other: string) =>
    processXml(
      id,
      `<startEvent id="s"/><callActivity id="call_${other}" calledElement="${other}">
         <multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></callActivity>
       <endEvent id="e"/>${flow('s', `call_${other}`, 'e')}`,
    );

  it('stop once their call chain has started its limit of instances, however shallow: the store does not fill up', async () => {
    await deploy(env, fansOut('ping', 'pong'));
    await deploy(env, fansOut('pong', 'ping'));
    const { id } = await startAtHefeng(env, 'ping');
    await runUntilQuiet(env, 200);
    const instances = (await env.store.instances.list({ reach: ['/'], limit: 200 })).items;
    expect(instances).toHaveLength(21);
    const stopped = instances.filter((i) => i.incidents > 0);
    expect(stopped.length).toBeGreaterThan(0);
    const { incidents } = await detailOf(env, stopped[0]?.id as string);
    expect(incidents[0]).toMatchObject({
      code: 'SZ_CALL_FAILED',
      message: expect.stringContaining(`call chain of instance ${id} has started 20 instances`),
    });
  });
});

describe('a call queued by a server from before call depths were kept', () => {
  /** Drops `depth` from the jobs that start called instances, as an older server wrote them. */
  const olderServer = (store: Store): Store => ({
    ...store,
    commit: (commit) =>
      store.commit({
        ...commit,
        jobs: {
          ...commit.jobs,
          add: commit.jobs?.add?.map((j) => {
            if (j.type !== 'startCalledInstance') return j;
            const { depth: _depth, ...payload } = j.payload;
            return { ...j, payload };
          }),
        },
      }),
  });
  const env = useTestEnv({ wrapStore: olderServer });

  it('still starts the called process, and its end moves the caller on', async () => {
    await deploy(env, processXml('leaf', `<startEvent id="s"/><endEvent id="e"/>${flow('s', 'e')}`));
    await deploy(env, callsBack('top', 'leaf'));
    const { id } = await startAtHefeng(env, 'top');
    const [job] = await env.store.jobs.ofInstance(id);
    expect(job).toMatchObject({ type: 'startCalledInstance' });
    expect(job?.payload).not.toHaveProperty('depth');
    await runUntilQuiet(env);
    expect((await env.store.instances.byId(id))?.status).toBe('completed');
  });
});

describe('deploying models that could run away', () => {
  const env = useTestEnv();
  const RECURSE = processXml(
    'again',
    `<startEvent id="s"/><callActivity id="recurse" calledElement="again"/><endEvent id="e"/>${flow('s', 'recurse', 'e')}`,
  );
  const ENTITIES = processXml('entities', `<startEvent id="s"/><endEvent id="e"/>${flow('s', 'e')}`).replace(
    '<bpmn:definitions',
    '<!DOCTYPE definitions [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<bpmn:definitions',
  );
  const transports = {
    'the JSON body': async (xml: string) => (await env.as('admin')).post('/api/deployments', { xml, unit: UNITS.lishui }),
    'the file upload': async (xml: string) => uploadModel(env.app, (await env.as('admin')).token, xml, UNITS.lishui),
  };

  describe.each(Object.entries(transports))('through %s', (_, send) => {
    it.each([
      [
        'a process that calls itself',
        RECURSE,
        { rule: 'call-cycle', elementId: 'recurse', message: expect.stringContaining('again (call activity recurse) -> again') },
      ],
      ['XML with a DOCTYPE declaring entities', ENTITIES, { rule: 'xml-doctype' }],
    ])('refuses %s with 400 SZ_BPMN_INVALID, and stores nothing', async (_what, xml, problem) => {
      const res = await send(xml);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'SZ_BPMN_INVALID', details: { problems: [expect.objectContaining(problem)] } });
      expect((await (await env.as('admin')).get('/api/process-definitions')).json().items).toEqual([]);
    });
  });
});

describe('the server answers /health throughout', () => {
  /** /health every 50 ms until `work` settles, and the statuses it answered (0: none, the connection failed). */
  async function healthWhile<T>(url: string, work: Promise<T>): Promise<{ result: T; statuses: number[] }> {
    let settled = false;
    const done = work.finally(() => {
      settled = true;
    });
    const statuses: number[] = [];
    while (!settled) {
      statuses.push(
        await fetch(`${url}/health`).then(
          (r) => r.status,
          () => 0,
        ),
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    return { result: await done, statuses };
  }

  const startSpin = async (clerk: HttpClient) => {
    const res = await clerk.post('/api/process-instances', { definitionKey: 'spin', orgUnit: UNITS.hefeng, variables: { turns: 0 } });
    return { status: res.status, id: ((await res.json()) as { id: string }).id };
  };

  it('while a runaway loop runs its default budget, on a heap it would otherwise exhaust, and lives on', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shanzhi-limits-'));
    const server = await spawnDemoServer({ SHANZHI_DATA_DIR: join(folder, 'data') }, ['--max-old-space-size=256']);
    try {
      const designer = await signIn(server.url, 'lishui-sheji');
      const deployed = await designer.post('/api/deployments', { xml: SPIN, unit: '/nanhai/lishui/' });
      expect(deployed.status, await deployed.clone().text()).toBe(201);
      const clerk = await signIn(server.url, 'hefeng-banshi');

      const first = await healthWhile(server.url, startSpin(clerk));
      expect(first.result.status).toBe(201);
      expect(first.statuses.length).toBeGreaterThan(0);
      expect(first.statuses).toEqual(first.statuses.map(() => 200));
      const detail = (await (await clerk.get(`/api/process-instances/${first.result.id}`)).json()) as Detail;
      expect(detail.incidents.map((i) => i.code)).toEqual(['SZ_LOOP_LIMIT']);

      const second = await healthWhile(server.url, startSpin(clerk));
      expect(second.result.status).toBe(201);
      expect(second.statuses).toEqual(second.statuses.map(() => 200));
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(server.child.exitCode, server.stderr()).toBeNull();
      expect(server.child.signalCode, server.stderr()).toBeNull();
    } finally {
      await server.stop();
      removeDir(folder);
    }
  }, 60_000);
});
