/**
 * The benchmark processes and how each engine is driven through one instance of them.
 * Every process exists twice in bench/models: shanzhi/ (FEEL, zeebe extensions) and
 * bpmn-engine/ (JavaScript script, ${...} expressions, environment.services, signal()).
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, type Ctx, compile, type Effect, type InstanceState, type Model, start, step, type Vars } from '@shanzhi/engine';
import { MemoryRuntime } from '@shanzhi/engine/testing';
import { Engine } from 'bpmn-engine';
import { BENCH_DIR } from './harness.ts';

export interface BenchProcess {
  /** File name in both model folders, without .bpmn. */
  readonly name: string;
  readonly processId: string;
  readonly title: string;
  /** Start variables of the i-th instance (both engines get the same). */
  readonly variables: (i: number) => Vars;
  /** What a user task or a job is completed with (both engines). */
  readonly completion: Vars;
  /** End events the i-th instance must reach (checked once before measuring). */
  readonly expectEnd: (i: number) => string;
  /** User-task completions plus job completions per instance. */
  readonly waits: number;
}

const COMMITTEE = ['张书记', '李主任', '王委员', '赵委员', '陈委员'];

export const PROCESSES: readonly BenchProcess[] = [
  {
    name: 'script-gateway',
    processId: 'script_gateway',
    title: 'script → gateway → 2 ends',
    // Odd instances are under the line (2400/4 = 600 < 800), even ones over it (4000/4 = 1000): both ends are taken.
    variables: (i) => ({ monthlyIncome: i % 2 ? 2400 : 4000, householdSize: 4 }),
    completion: {},
    expectEnd: (i) => (i % 2 ? 'end_eligible' : 'end_ineligible'),
    waits: 0,
  },
  {
    name: 'service',
    processId: 'service',
    title: 'service task',
    variables: () => ({ phone: '13800000000' }),
    completion: { sent: true },
    expectEnd: () => 'end',
    waits: 1,
  },
  {
    name: 'user-task',
    processId: 'user_task',
    title: 'user task',
    variables: () => ({ applicant: '张三' }),
    completion: { approved: true },
    expectEnd: () => 'end',
    waits: 1,
  },
  {
    name: 'approval',
    processId: 'approval',
    title: '10-step approval, countersign of 5',
    variables: () => ({ applicant: '张三', committee: COMMITTEE }),
    completion: { opinion: '同意' },
    expectEnd: () => 'end',
    waits: 14,
  },
];

export function modelXml(engine: 'shanzhi' | 'bpmn-engine', name: string): string {
  return readFileSync(join(BENCH_DIR, 'models', engine, `${name}.bpmn`), 'utf8');
}

export async function compileOurs(name: string): Promise<Model> {
  const result = await compile(modelXml('shanzhi', name));
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.model;
}

/** A business key as a village office would write one: village code, matter type, year, number. */
export const businessKey = (i: number) => `HF-DB-2026-${String(i).padStart(6, '0')}`;

// ---------------------------------------------------------------- ours: the pure core

/** What the host answers each effect with: a user task or a job is completed with `variables`. */
function commandsFor(effects: readonly Effect[], variables: Vars, into: Command[]): void {
  for (const e of effects) {
    if (e.type === 'OpenUserTask') into.push({ type: 'completeUserTask', key: e.key, variables });
    else if (e.type === 'RunJob') into.push({ type: 'completeJob', key: e.key, variables });
  }
}

/**
 * One instance through the pure functions only: `start`, then one `step` per user task or
 * job the effects ask for, in the order they were asked for, until the instance ends.
 * Returns the final state and the element ids activated (`trace`, for the correctness check);
 * `limit` stops after that many commands, leaving the instance waiting.
 */
export function runCore(
  model: Model,
  p: BenchProcess,
  i: number,
  options: { trace?: boolean; limit?: number; newId?: () => string } = {},
): { state: InstanceState; activated: string[] } {
  const { trace = false, limit = Number.POSITIVE_INFINITY } = options;
  let ids = 0;
  const ctx: Ctx = { now: Date.now(), newId: options.newId ?? (() => `c${i}-${++ids}`) };
  const pending: Command[] = [];
  const activated: string[] = [];
  let out = start(model, { processId: p.processId, variables: p.variables(i), businessKey: businessKey(i) }, ctx);
  for (let n = 0; ; n++) {
    if (!out.ok) throw new Error(`${p.name}: ${out.error.code} ${out.error.message}`);
    if (trace) for (const e of out.events) if (e.type === 'ElementActivated') activated.push(e.el.e);
    commandsFor(out.effects, p.completion, pending);
    const command = n < limit ? pending.shift() : undefined;
    if (!command) break;
    out = step(model, out.state, command, ctx);
  }
  return { state: out.state, activated };
}

// ---------------------------------------------------------------- ours: through MemoryRuntime

/**
 * One instance through `MemoryRuntime`, the in-memory host that carries out effects: it
 * starts the instance, then completes whatever user task or job is open until none is.
 * Ended instances are dropped, as a host moves them out of its working set (MemoryRuntime
 * keeps them, and its `tasks()` walks every instance it keeps).
 */
export function runRuntime(rt: MemoryRuntime, p: BenchProcess, i: number): InstanceState {
  const id = rt.start(p.processId, { variables: p.variables(i), businessKey: businessKey(i) });
  for (;;) {
    const task = rt.tasks()[0];
    if (task) {
      rt.completeTask(task, p.completion);
      continue;
    }
    const job = rt.jobs()[0];
    if (job) {
      rt.completeJob(job, p.completion);
      continue;
    }
    break;
  }
  const inst = rt.instances.get(id);
  if (!inst) throw new Error(`${p.name}: instance ${id} is gone`);
  rt.instances.delete(id);
  return inst.state;
}

export async function runtimeFor(model: Model): Promise<MemoryRuntime> {
  const rt = new MemoryRuntime({ now: Date.now() });
  rt.deploy(model);
  return rt;
}

// ---------------------------------------------------------------- peer: bpmn-engine

type SourceContext = NonNullable<ConstructorParameters<typeof Engine>[0]>['sourceContext'];

/**
 * The peer's compiled form: bpmn-engine parses XML with bpmn-moddle and serializes the
 * moddle context; a new Engine given that `sourceContext` skips the parse. We take the
 * context its own loader made, so the type resolver is the one it uses itself.
 */
export async function compilePeer(name: string): Promise<SourceContext> {
  const engine = new Engine({ name, source: modelXml('bpmn-engine', name) });
  const [definition] = await engine.getDefinitions();
  const source = (definition as unknown as { environment: { options: { source: SourceContext } } }).environment.options.source;
  if (!source) throw new Error(`${name}: bpmn-engine made no source context`);
  return source;
}

/** The peer's service: the same answer our host gives the job, through its callback. */
const peerServices = {
  sms: (_context: unknown, next: (error: Error | null, output?: unknown) => void) => next(null, { sent: true }),
};

interface PeerWaitApi {
  id: string;
  signal(message?: unknown): void;
}

/**
 * One instance in bpmn-engine the way its docs drive one: a new Engine per instance (an
 * Engine holds one execution), execute with the variables, signal every user task as it
 * starts waiting (in the order they wait), resolve when the engine emits `end`. Given the
 * `sourceContext` it skips parsing; given the XML `source` it parses it again, as a host that
 * keeps only the XML does.
 */
export async function runPeer(
  model: { sourceContext: SourceContext } | { source: string },
  p: BenchProcess,
  i: number,
  trace = false,
): Promise<{ engine: Engine; activated: string[] }> {
  const engine = new Engine({ name: p.name, ...model, services: peerServices });
  const listener = new EventEmitter();
  const waits: PeerWaitApi[] = [];
  const activated: string[] = [];
  listener.on('wait', (api: PeerWaitApi) => waits.push(api));
  if (trace) listener.on('activity.start', (api: PeerWaitApi) => activated.push(api.id));
  const ended = engine.waitFor('end');
  await engine.execute({ listener, variables: { ...p.variables(i), businessKey: businessKey(i) } });
  for (let api = waits.shift(); api; api = waits.shift()) api.signal(p.completion);
  await ended;
  return { engine, activated };
}

/** Starts a peer instance, signals its first `signals` waits and returns it, still waiting. */
export async function peerWaiting(sourceContext: SourceContext, p: BenchProcess, i: number, signals = 0): Promise<Engine> {
  const engine = new Engine({ name: p.name, sourceContext, services: peerServices });
  const listener = new EventEmitter();
  const waits: PeerWaitApi[] = [];
  listener.on('wait', (api: PeerWaitApi) => waits.push(api));
  await engine.execute({ listener, variables: { ...p.variables(i), businessKey: businessKey(i) } });
  for (let n = 0; n < signals; n++) waits.shift()?.signal(p.completion);
  if (engine.state !== 'running' || waits.length === 0) throw new Error(`${p.name}: bpmn-engine instance is not waiting`);
  return engine;
}
