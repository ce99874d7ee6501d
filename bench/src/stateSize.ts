/**
 * Benchmark 2, state size: the serialized state of an instance waiting on one user task,
 * with a realistic business key and two variables, as UTF-8 bytes of JSON. Ours is
 * `JSON.stringify(state)`; bpmn-engine's is `JSON.stringify(await engine.getState())` for
 * the same process waiting at its user task (it carries the serialized model with it, as
 * that is what it needs to resume). A second, informative row: the 10-step approval
 * waiting at its countersign of five.
 */
import { randomUUID } from 'node:crypto';
import type { Benchmark, Row } from './harness.ts';
import { type BenchProcess, businessKey, compileOurs, compilePeer, PROCESSES, peerWaiting, runCore } from './processes.ts';

/** The goal for an instance waiting on one user task. */
export const GOAL_BYTES = 1024;

const STATE_VARIABLES = { applicant: '张三', subsidy: 1200 };

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function byName(name: string): BenchProcess {
  const p = PROCESSES.find((x) => x.name === name);
  if (!p) throw new Error(`no process ${name}`);
  return p;
}

async function sizes(p: BenchProcess, completedBefore: number) {
  // Instance ids as the server makes them (UUIDs), not the short ones the throughput loop uses.
  const ours = runCore(await compileOurs(p.name), p, 1, { limit: completedBefore, newId: () => randomUUID() }).state;
  if (ours.status !== 'active') throw new Error(`${p.name}: our instance is not waiting`);
  const peerEngine = await peerWaiting(await compilePeer(p.name), p, 1, completedBefore);
  const peerState = await peerEngine.getState();
  await peerEngine.stop();
  return { ours, oursBytes: bytes(ours), peerBytes: bytes(peerState), peerStateKeys: Object.keys(peerState) };
}

export const stateSizeBenchmark: Benchmark = {
  id: 'state',
  title: 'State size of a waiting instance, serialized',
  async run(options): Promise<Row[]> {
    options.log('state: user task');
    const userTask = { ...byName('user-task'), variables: () => STATE_VARIABLES };
    const one = await sizes(userTask, 0);
    options.log('state: approval at the countersign');
    const approval = byName('approval');
    // Four single steps done; five countersign tasks open.
    const five = await sizes(approval, 4);
    return [
      {
        benchmark: 'state: waiting on 1 user task',
        unit: 'B',
        ours: one.oursBytes,
        peer: one.peerBytes,
        peerName: 'bpmn-engine',
        ratio: one.peerBytes / one.oursBytes,
        goal: `< ${GOAL_BYTES} B`,
        met: one.oursBytes < GOAL_BYTES,
        details: { businessKey: businessKey(1), variables: STATE_VARIABLES, oursState: one.ours },
      },
      {
        benchmark: 'state: approval at countersign (5 open)',
        unit: 'B',
        ours: five.oursBytes,
        peer: five.peerBytes,
        peerName: 'bpmn-engine',
        ratio: five.peerBytes / five.oursBytes,
        details: { oursOpenElements: Object.keys(five.ours.els).length },
      },
    ];
  },
};
