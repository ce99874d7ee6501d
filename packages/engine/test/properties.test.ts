/**
 * Property tests (issue 14, item 7): random valid models driven by random command sequences
 * never throw unexpectedly, never strand a token, and replaying the events rebuilds the state.
 * A failure prints fast-check's seed and counterexample (the model XML and the commands).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type InstanceState, replay } from '../src/index.ts';
import { MemoryRuntime, RuntimeError } from '../src/testing/index.ts';
import { HOUR, processXml } from './support.ts';

// ---------------------------------------------------------------------------------------------
// Models: a structured body (every split has its matching join), built from a small grammar.
// ---------------------------------------------------------------------------------------------

/** The integer variables conditions read; few, so conditions both hold and fail often. */
const VARS = ['x', 'y', 'z'] as const;

type Node =
  | { k: 'user' }
  | { k: 'script'; v: (typeof VARS)[number] }
  | { k: 'service' }
  | { k: 'timer' }
  | { k: 'message' }
  | { k: 'mi'; sequential: boolean; items: number }
  | { k: 'loop'; max: number; script: boolean }
  | { k: 'seq'; items: Node[] }
  | { k: 'xor'; branches: { cond: string; body: Node }[]; otherwise: Node }
  | { k: 'and'; branches: Node[] }
  | { k: 'or'; branches: { cond: string; body: Node }[]; otherwise: Node }
  | { k: 'sub'; body: Node };

/** A FEEL condition over the integer variables; values are 0..3, so each comparison can go both ways. */
const condition = fc
  .tuple(fc.constantFrom(...VARS), fc.constantFrom('<', '>', '=', '>='), fc.integer({ min: 0, max: 3 }))
  .map(([v, op, n]) => `${v} ${op} ${n}`);

const userTask = fc.constant<Node>({ k: 'user' });
const scriptTask = fc.constantFrom(...VARS).map((v): Node => ({ k: 'script', v }));
const serviceTask = fc.constant<Node>({ k: 'service' });
const timerCatch = fc.constant<Node>({ k: 'timer' });
const messageCatch = fc.constant<Node>({ k: 'message' });
/** Lists of 0..3 items: the empty list passes at once, three is enough to interleave completions. */
const multiInstance = fc.record({ sequential: fc.boolean(), items: fc.integer({ min: 0, max: 3 }) }).map((r): Node => ({ k: 'mi', ...r }));
/** loopMaximum 1..3 keeps a loop whose condition always holds finite and short. */
const standardLoop = fc.record({ max: fc.integer({ min: 1, max: 3 }), script: fc.boolean() }).map((r): Node => ({ k: 'loop', ...r }));

const leaf = fc.oneof(userTask, scriptTask, serviceTask, timerCatch, messageCatch, multiInstance, standardLoop);

/**
 * Depth ≤ 3 (the process body is depth 0, a construct at depth 3 is a leaf) and at most 3 items per sequence or
 * branches per split, so a model stays under ~100 elements and a run under a few milliseconds.
 */
const MAX_DEPTH = 3;
function body(depth: number): fc.Arbitrary<Node> {
  if (depth >= MAX_DEPTH) return leaf;
  const inner = fc.constant(null).chain(() => body(depth + 1));
  const guarded = fc.array(fc.record({ cond: condition, body: inner }), { minLength: 1, maxLength: 2 });
  const sequence = fc.array(inner, { minLength: 1, maxLength: 3 }).map((items): Node => ({ k: 'seq', items }));
  const exclusive = fc.record({ branches: guarded, otherwise: inner }).map((r): Node => ({ k: 'xor', ...r }));
  const inclusive = fc.record({ branches: guarded, otherwise: inner }).map((r): Node => ({ k: 'or', ...r }));
  const parallel = fc.array(inner, { minLength: 2, maxLength: 3 }).map((branches): Node => ({ k: 'and', branches }));
  const sub = inner.map((b): Node => ({ k: 'sub', body: b }));
  // Leaves weigh most so trees stay small on average.
  return fc.oneof({ arbitrary: leaf, weight: 3 }, sequence, exclusive, inclusive, parallel, sub);
}

interface Built {
  xml: string;
  messages: string[];
}

/** Writes a tree as BPMN: each construct returns its first and last element ids. */
function build(root: Node): Built {
  let n = 0;
  const id = (p: string) => `${p}${++n}`;
  const messages: string[] = [];
  const out: string[] = [];
  const seqFlow = (from: string, to: string, cond?: string) => {
    const fid = id('f');
    out.push(
      cond
        ? `<sequenceFlow id="${fid}" sourceRef="${from}" targetRef="${to}"><conditionExpression xsi:type="tFormalExpression">=${cond.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</conditionExpression></sequenceFlow>`
        : `<sequenceFlow id="${fid}" sourceRef="${from}" targetRef="${to}"/>`,
    );
    return fid;
  };
  const single = (xml: (el: string) => string, p: string) => {
    const el = id(p);
    out.push(xml(el));
    return { first: el, last: el };
  };

  const emit = (node: Node): { first: string; last: string } => {
    switch (node.k) {
      case 'user':
        return single((el) => `<userTask id="${el}"/>`, 'u');
      case 'script':
        return single(
          (el) =>
            `<scriptTask id="${el}"><extensionElements><zeebe:script expression="=${node.v} + 1" resultVariable="${node.v}"/></extensionElements></scriptTask>`,
          'sc',
        );
      case 'service':
        return single(
          (el) =>
            `<serviceTask id="${el}"><extensionElements><zeebe:taskDefinition type="job${n}" retries="2"/></extensionElements></serviceTask>`,
          'j',
        );
      case 'timer':
        return single(
          (el) =>
            `<intermediateCatchEvent id="${el}"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>`,
          't',
        );
      case 'message':
        return single((el) => {
          messages.push(`msg_${el}`);
          return `<intermediateCatchEvent id="${el}"><messageEventDefinition messageRef="M_${el}"/></intermediateCatchEvent>`;
        }, 'm');
      case 'mi': {
        const list = `[${Array.from({ length: node.items }, (_, i) => i + 1).join(', ')}]`;
        return single(
          (el) =>
            `<userTask id="${el}"><multiInstanceLoopCharacteristics isSequential="${node.sequential}"><extensionElements><zeebe:loopCharacteristics inputCollection="=${list}" inputElement="item"/></extensionElements></multiInstanceLoopCharacteristics></userTask>`,
          'mi',
        );
      }
      case 'loop': {
        const loop = `<standardLoopCharacteristics loopMaximum="${node.max}"><loopCondition xsi:type="tFormalExpression">=x &lt; 3</loopCondition></standardLoopCharacteristics>`;
        return single(
          (el) =>
            node.script
              ? `<scriptTask id="${el}"><extensionElements><zeebe:script expression="=loopCounter" resultVariable="rounds"/></extensionElements>${loop}</scriptTask>`
              : `<userTask id="${el}">${loop}</userTask>`,
          'lp',
        );
      }
      case 'seq': {
        const parts = node.items.map(emit);
        for (let i = 0; i + 1 < parts.length; i++) seqFlow(parts[i]!.last, parts[i + 1]!.first);
        return { first: parts[0]!.first, last: parts.at(-1)!.last };
      }
      case 'xor':
      case 'or': {
        const tag = node.k === 'xor' ? 'exclusiveGateway' : 'inclusiveGateway';
        const split = id('gs');
        const join = id('gj');
        const def = emit(node.otherwise);
        const defFlow = seqFlow(split, def.first);
        seqFlow(def.last, join);
        for (const b of node.branches) {
          const part = emit(b.body);
          seqFlow(split, part.first, b.cond);
          seqFlow(part.last, join);
        }
        out.push(`<${tag} id="${split}" default="${defFlow}"/><${tag} id="${join}"/>`);
        return { first: split, last: join };
      }
      case 'and': {
        const split = id('ps');
        const join = id('pj');
        out.push(`<parallelGateway id="${split}"/><parallelGateway id="${join}"/>`);
        for (const b of node.branches) {
          const part = emit(b);
          seqFlow(split, part.first);
          seqFlow(part.last, join);
        }
        return { first: split, last: join };
      }
      case 'sub': {
        const sp = id('sp');
        const outer = out.splice(0);
        const start = id('ss');
        const end = id('se');
        out.push(`<startEvent id="${start}"/><endEvent id="${end}"/>`);
        const inner = emit(node.body);
        seqFlow(start, inner.first);
        seqFlow(inner.last, end);
        const content = out.splice(0);
        out.push(...outer, `<subProcess id="${sp}">${content.join('\n')}</subProcess>`);
        return { first: sp, last: sp };
      }
    }
  };

  out.push('<startEvent id="start"/><endEvent id="end"/>');
  const main = emit(root);
  seqFlow('start', main.first);
  seqFlow(main.last, 'end');
  const extra = messages.map((m) => `<message id="M_${m.slice(4)}" name="${m}"/>`).join('');
  return { xml: processXml('p', out.join('\n'), extra), messages };
}

/** The process body is a sequence of 1..4 constructs, so a model is rarely a single element. */
const models = fc
  .array(body(1), { minLength: 1, maxLength: 4 })
  .map((items): Node => ({ k: 'seq', items }))
  .map(build);

// ---------------------------------------------------------------------------------------------
// Commands: indices pick among what is open at the time (modulo), so any sequence applies.
// ---------------------------------------------------------------------------------------------

/** Small integer variables: the same range the conditions compare against. */
const smallVars = fc.record({ x: fc.integer({ min: 0, max: 3 }), y: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] });

type Cmd =
  | { c: 'task'; i: number; vars: Record<string, number> }
  | { c: 'job'; i: number; vars: Record<string, number> }
  | { c: 'failJob'; i: number }
  | { c: 'resolve'; i: number }
  | { c: 'advance'; ms: number }
  | { c: 'message'; i: number }
  | { c: 'set'; vars: Record<string, number> }
  | { c: 'cancel' };

const index = fc.nat({ max: 20 });
const command: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ c: fc.constant('task' as const), i: index, vars: smallVars }), weight: 20 },
  { arbitrary: fc.record({ c: fc.constant('job' as const), i: index, vars: smallVars }), weight: 12 },
  { arbitrary: fc.record({ c: fc.constant('failJob' as const), i: index }), weight: 4 },
  { arbitrary: fc.record({ c: fc.constant('resolve' as const), i: index }), weight: 4 },
  { arbitrary: fc.record({ c: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3 * HOUR }) }), weight: 8 },
  { arbitrary: fc.record({ c: fc.constant('message' as const), i: index }), weight: 8 },
  { arbitrary: fc.record({ c: fc.constant('set' as const), vars: smallVars }), weight: 4 },
  // Rare: a cancel ends the run's interesting part.
  { arbitrary: fc.constant({ c: 'cancel' as const }), weight: 1 },
);
/** Up to 30 commands: enough to get deep into a model of this size, short enough for 200 runs. */
const commands = fc.array(command, { maxLength: 30 });

// ---------------------------------------------------------------------------------------------
// Driving and checking
// ---------------------------------------------------------------------------------------------

/** Runs an action; a RuntimeError is a legitimate refusal, anything else a failure. */
function refusable(action: () => void): void {
  try {
    action();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
  }
}

function apply(rt: MemoryRuntime, id: string, messages: string[], cmd: Cmd): void {
  const tasks = rt.tasks().filter((t) => t.instance === id);
  const jobs = rt.jobs().filter((j) => j.instance === id);
  const incidents = rt.incidents().filter((i) => i.instance === id);
  switch (cmd.c) {
    case 'task': {
      const t = tasks[cmd.i % Math.max(tasks.length, 1)];
      if (t) rt.trySend(id, { type: 'completeUserTask', key: t.key, variables: cmd.vars });
      return;
    }
    case 'job': {
      const j = jobs[cmd.i % Math.max(jobs.length, 1)];
      if (j) refusable(() => rt.completeJob(j, cmd.vars));
      return;
    }
    case 'failJob': {
      const j = jobs[cmd.i % Math.max(jobs.length, 1)];
      if (j) refusable(() => rt.failJob(j, { retries: 0, message: 'property test' }));
      return;
    }
    case 'resolve': {
      const inc = incidents[cmd.i % Math.max(incidents.length, 1)];
      if (inc) rt.trySend(id, { type: 'resolveIncident', incident: inc.id });
      return;
    }
    case 'advance':
      rt.advance(cmd.ms);
      return;
    case 'message': {
      const name = messages[cmd.i % Math.max(messages.length, 1)];
      if (name) refusable(() => rt.correlateMessage(name));
      return;
    }
    case 'set':
      rt.trySend(id, { type: 'setVariables', variables: cmd.vars });
      return;
    case 'cancel':
      rt.trySend(id, { type: 'cancel' });
      return;
  }
}

/** What can still move an instance on; a token parked at a join does not count by itself. */
function movers(rt: MemoryRuntime, id: string, state: InstanceState) {
  return {
    tasks: rt.tasks().filter((t) => t.instance === id).length,
    jobs: rt.jobs().filter((j) => j.instance === id).length,
    timers: rt.pendingTimers(),
    waits: Object.values(state.subs ?? {}).filter((s) => s.kind === 'message' || s.kind === 'signal').length,
    incidents: Object.keys(state.incidents ?? {}).length,
  };
}

function check(rt: MemoryRuntime, id: string): void {
  for (const [iid, inst] of rt.instances) {
    expect(replay(inst.events), `replay of ${iid}`).toEqual(inst.state);
    expect(JSON.parse(JSON.stringify(inst.state))).toEqual(inst.state);
  }
  const state = rt.instances.get(id)!.state;
  const m = movers(rt, id, state);
  if (state.status === 'active') {
    expect(
      Object.values(m).some((v) => v > 0),
      `stranded: ${JSON.stringify(state)}`,
    ).toBe(true);
  } else {
    expect(m, 'work left after the end').toEqual({ tasks: 0, jobs: 0, timers: 0, waits: 0, incidents: 0 });
  }
}

/** Completes whatever is open, with no data (so loop conditions and defaults decide), resolves incidents, fires timers, sends messages. */
function driveToEnd(rt: MemoryRuntime, id: string, messages: string[]): void {
  // Each round moves at least one token one wait state on; the biggest model has well under 200.
  for (let round = 0; round < 200; round++) {
    const state = rt.instances.get(id)!.state;
    if (state.status !== 'active') return;
    const t = rt.tasks().find((x) => x.instance === id);
    const j = rt.jobs().find((x) => x.instance === id);
    const inc = rt.incidents().find((x) => x.instance === id);
    const waiting = messages.find((name) => Object.values(state.subs ?? {}).some((s) => s.kind === 'message' && s.name === name));
    if (t) rt.trySend(id, { type: 'completeUserTask', key: t.key });
    else if (j) rt.completeJob(j);
    else if (inc) rt.send(id, { type: 'resolveIncident', incident: inc.id });
    else if (waiting) rt.correlateMessage(waiting);
    else if (rt.pendingTimers() > 0) rt.advance(2 * HOUR);
    else return;
    check(rt, id);
  }
}

fc.configureGlobal({ numRuns: 200 });

describe('engine properties', () => {
  it('every generated model compiles', async () => {
    await fc.assert(
      fc.asyncProperty(models, async ({ xml }) => {
        const result = await compile(xml);
        expect(result.ok ? [] : result.problems, xml).toEqual([]);
      }),
    );
  });

  it('random commands: no unexpected throw, replay rebuilds the state, no stranded token, and driving on ends the instance', async () => {
    await fc.assert(
      fc.asyncProperty(models, commands, async ({ xml, messages }, cmds) => {
        const rt = new MemoryRuntime();
        await rt.deployXml(xml);
        const id = rt.start('p', { variables: { x: 0, y: 0, z: 0 } });
        check(rt, id);
        for (const cmd of cmds) {
          apply(rt, id, messages, cmd);
          check(rt, id);
        }
        driveToEnd(rt, id, messages);
        const state = rt.instances.get(id)!.state;
        expect(state.status, `still active: ${JSON.stringify(movers(rt, id, state))}`).not.toBe('active');
      }),
    );
  });
});
