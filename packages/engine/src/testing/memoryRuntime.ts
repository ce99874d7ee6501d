import type { Command, Ctx, StartInput } from '../commands.ts';
import { compile } from '../compile/compile.ts';
import type { Effect } from '../effects.ts';
import type { EngineError } from '../errors.ts';
import type { EngineEvent } from '../events.ts';
import { evaluateCondition } from '../feel/index.ts';
import type { Limits } from '../limits.ts';
import type { Model } from '../model/types.ts';
import { type OpenTask, openTasks } from '../queries.ts';
import { startTriggers } from '../startTriggers.ts';
import type { InstanceState, Vars } from '../state/types.ts';
import { firstDueAt, nextDueAt, parseTimer, type TimerPlan } from '../timers/index.ts';
import { type Outcome, start, step } from '../transition.ts';

export interface RuntimeInstance {
  model: Model;
  state: InstanceState;
  readonly events: EngineEvent[];
}

export interface RuntimeTask extends OpenTask {
  readonly instance: string;
}

export interface RuntimeJob {
  readonly instance: string;
  readonly key: string;
  readonly el: string;
  readonly jobType: string;
  readonly retries: number;
  readonly variables: Vars;
}

interface StartTimer {
  processId: string;
  startEvent: string;
  plan: TimerPlan;
  dueAt: number;
  fired: number;
}

export class RuntimeError extends Error {
  constructor(readonly error: EngineError) {
    super(`${error.code}: ${error.message}`);
  }
}

/**
 * An in-memory host for the pure engine: it keeps instances, carries out effects (tasks,
 * timers on a simulated clock, messages, signals, call activities, jobs) and feeds the
 * results back as commands. For tests, conformance runs, benchmarks and the model runner;
 * the server is the durable host.
 */
export class MemoryRuntime {
  now: number;
  readonly instances = new Map<string, RuntimeInstance>();
  readonly notices: Extract<Effect, { type: 'PostNotice' }>[] = [];
  private readonly models = new Map<string, Model[]>();
  private readonly timers = new Map<string, { instance: string; sub: string; dueAt: number }>();
  private readonly startTimers: StartTimer[] = [];
  private readonly jobQueue = new Map<string, RuntimeJob>();
  private ids = 0;
  /** Called with each instance's events as they happen (the model runner prints them). */
  onEvents?: (instance: string, events: readonly EngineEvent[]) => void;

  private readonly limits: Partial<Limits> | undefined;

  constructor(options: { now?: number; limits?: Partial<Limits> } = {}) {
    this.now = options.now ?? Date.UTC(2026, 0, 5, 1, 0, 0);
    this.limits = options.limits;
  }

  /** The clock, ids and limits of one transition; `firstId` is the new instance's own id (decided before, by a caller). */
  private ctx(firstId?: string): Ctx {
    let first = firstId;
    const newId = () => {
      const id = first ?? `i${++this.ids}`;
      first = undefined;
      return id;
    };
    return { now: this.now, newId, ...(this.limits ? { limits: this.limits } : {}) };
  }

  async deployXml(xml: string): Promise<Model> {
    const result = await compile(xml);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.elementId ?? '-'}: ${p.message}`).join('\n'));
    this.deploy(result.model);
    return result.model;
  }

  /** Deploys every process of a model as its newest version; timer starts are armed. */
  deploy(model: Model): void {
    for (const id of Object.keys(model.processes)) {
      const versions = this.models.get(id) ?? [];
      versions.push(model);
      this.models.set(id, versions);
    }
    for (const t of startTriggers(model)) {
      if (t.trigger.kind !== 'timer' || !('literal' in t.trigger.value)) continue;
      const parsed = parseTimer(t.trigger.timer, t.trigger.value.literal, model.processes[t.processId]?.timeZone ?? 'Asia/Shanghai');
      const dueAt = parsed.ok ? firstDueAt(parsed.plan, this.now) : null;
      if (parsed.ok && dueAt !== null)
        this.startTimers.push({ processId: t.processId, startEvent: t.startEvent, plan: parsed.plan, dueAt, fired: 0 });
    }
  }

  latest(processId: string): Model | undefined {
    return this.models.get(processId)?.at(-1);
  }

  start(processId: string, input: Omit<StartInput, 'processId'> = {}, id?: string): string {
    const model = this.latest(processId);
    if (!model) throw new RuntimeError({ code: 'SZ_PROCESS_NOT_FOUND', message: `process '${processId}' is not deployed` });
    const outcome = start(model, { ...input, processId }, this.ctx(id));
    if (!outcome.ok) throw new RuntimeError(outcome.error);
    this.instances.set(outcome.state.id, { model, state: outcome.state, events: [...outcome.events] });
    this.after(outcome.state.id, outcome);
    return outcome.state.id;
  }

  /** Sends a command to one instance; a rejection throws. */
  send(instanceId: string, command: Command): void {
    const outcome = this.trySend(instanceId, command);
    if (!outcome.ok) throw new RuntimeError(outcome.error);
  }

  trySend(instanceId: string, command: Command, model?: Model): Outcome {
    const inst = this.instances.get(instanceId);
    if (!inst) return { ok: false, error: { code: 'SZ_ELEMENT_NOT_FOUND', message: `no instance ${instanceId}` } };
    const outcome = step(model ?? inst.model, inst.state, command, this.ctx());
    if (!outcome.ok) return outcome;
    if (model) inst.model = model;
    inst.state = outcome.state;
    inst.events.push(...outcome.events);
    this.after(instanceId, outcome);
    return outcome;
  }

  private after(instanceId: string, outcome: Extract<Outcome, { ok: true }>): void {
    this.onEvents?.(instanceId, outcome.events);
    for (const effect of outcome.effects) this.carryOut(effect);
  }

  private carryOut(e: Effect): void {
    switch (e.type) {
      case 'ScheduleTimer':
        this.timers.set(`${e.instance}/${e.sub}`, { instance: e.instance, sub: e.sub, dueAt: e.dueAt });
        return;
      case 'CancelTimer':
        this.timers.delete(`${e.instance}/${e.sub}`);
        return;
      case 'RunJob':
        this.jobQueue.set(`${e.instance}/${e.key}`, {
          instance: e.instance,
          key: e.key,
          el: e.el,
          jobType: e.jobType,
          retries: e.retries,
          variables: e.variables,
        });
        return;
      case 'RetryJob': {
        const job = this.jobQueue.get(`${e.instance}/${e.key}`);
        if (job) this.jobQueue.set(`${e.instance}/${e.key}`, { ...job, retries: e.retries });
        return;
      }
      case 'CancelJob':
        this.jobQueue.delete(`${e.instance}/${e.key}`);
        return;
      case 'PublishMessage':
        this.correlateMessage(e.name, e.correlationKey, e.variables);
        return;
      case 'BroadcastSignal':
        this.broadcastSignal(e.name, e.variables, e.instance);
        return;
      case 'PostNotice':
        this.notices.push(e);
        return;
      case 'StartCalledInstance':
        return this.startCalled(e);
      case 'CancelCalledInstance':
        if (this.instances.get(e.child)?.state.status === 'active') this.send(e.child, { type: 'cancel' });
        return;
      case 'InstanceEnded':
        this.dropInstanceWork(e.instance);
        if (e.parent && this.instances.get(e.parent.instance)?.state.status === 'active') {
          this.trySend(e.parent.instance, {
            type: 'calledInstanceEnded',
            key: e.parent.key,
            status: e.status,
            variables: e.variables,
            ...(e.error ? { error: e.error } : {}),
          });
        }
        return;
      default:
        return;
    }
  }

  private startCalled(e: Extract<Effect, { type: 'StartCalledInstance' }>): void {
    const versions = this.models.get(e.processId);
    const model = typeof e.binding === 'object' ? versions?.[e.binding.version - 1] : versions?.at(-1);
    if (!model) {
      this.trySend(e.instance, { type: 'calledInstanceEnded', key: e.key, status: 'terminated' });
      return;
    }
    const outcome = start(
      model,
      { processId: e.processId, variables: e.variables, parent: { instance: e.instance, key: e.key, depth: e.depth, root: e.root } },
      this.ctx(e.child),
    );
    if (!outcome.ok) {
      this.trySend(e.instance, { type: 'calledInstanceEnded', key: e.key, status: 'terminated' });
      return;
    }
    this.instances.set(e.child, { model, state: outcome.state, events: [...outcome.events] });
    this.after(e.child, outcome);
  }

  private dropInstanceWork(instance: string): void {
    for (const [id, t] of this.timers) if (t.instance === instance) this.timers.delete(id);
    for (const [id, j] of this.jobQueue) if (j.instance === instance) this.jobQueue.delete(id);
  }

  /** Open user tasks of every active instance. */
  tasks(): RuntimeTask[] {
    const out: RuntimeTask[] = [];
    for (const [id, inst] of this.instances) {
      if (inst.state.status !== 'active') continue;
      for (const t of openTasks(inst.model, inst.state)) out.push({ ...t, instance: id });
    }
    return out;
  }

  completeTask(task: { instance: string; key: string }, variables?: Vars): void {
    this.send(task.instance, { type: 'completeUserTask', key: task.key, ...(variables ? { variables } : {}) });
  }

  jobs(jobType?: string): RuntimeJob[] {
    return [...this.jobQueue.values()].filter((j) => jobType === undefined || j.jobType === jobType);
  }

  completeJob(job: { instance: string; key: string }, variables?: Vars): void {
    this.jobQueue.delete(`${job.instance}/${job.key}`);
    this.send(job.instance, { type: 'completeJob', key: job.key, ...(variables ? { variables } : {}) });
  }

  failJob(job: { instance: string; key: string }, failure: { retries: number; message: string; errorCode?: string }): void {
    if (failure.errorCode !== undefined || failure.retries <= 0) this.jobQueue.delete(`${job.instance}/${job.key}`);
    this.send(job.instance, { type: 'failJob', key: job.key, ...failure });
  }

  /** Delivers a message to the first waiting subscription, else starts a process by its message start event. */
  correlateMessage(name: string, correlationKey?: string, variables?: Vars): boolean {
    for (const [id, inst] of this.instances) {
      if (inst.state.status !== 'active') continue;
      const waits = Object.values(inst.state.subs ?? {}).some(
        (s) => s.kind === 'message' && s.name === name && (s.key === undefined || s.key === correlationKey),
      );
      if (waits) {
        this.send(id, {
          type: 'correlateMessage',
          name,
          ...(correlationKey === undefined ? {} : { correlationKey }),
          ...(variables ? { variables } : {}),
        });
        return true;
      }
    }
    for (const [processId, versions] of this.models) {
      const model = versions.at(-1) as Model;
      const t = startTriggers(model).find(
        (s) => s.processId === processId && s.trigger.kind === 'message' && 'literal' in s.trigger.name && s.trigger.name.literal === name,
      );
      if (t) {
        this.start(processId, { startEvent: t.startEvent, ...(variables ? { variables } : {}) });
        return true;
      }
    }
    return false;
  }

  /** Delivers a signal to every instance waiting for it but the one that threw it (which caught it itself) and starts processes by it. */
  broadcastSignal(name: string, variables?: Vars, thrower?: string): void {
    const waiting = [...this.instances].filter(
      ([, inst]) =>
        inst.state.status === 'active' && Object.values(inst.state.subs ?? {}).some((s) => s.kind === 'signal' && s.name === name),
    );
    for (const [id] of waiting)
      if (id !== thrower) this.trySend(id, { type: 'broadcastSignal', name, ...(variables ? { variables } : {}) });
    for (const [processId, versions] of this.models) {
      for (const t of startTriggers(versions.at(-1) as Model)) {
        if (t.processId === processId && t.trigger.kind === 'signal' && t.trigger.name === name) {
          this.start(processId, { startEvent: t.startEvent, ...(variables ? { variables } : {}) });
        }
      }
    }
  }

  /** Starts every deployed process whose conditional start event holds for these variables. */
  startByCondition(variables: Vars): string[] {
    const started: string[] = [];
    for (const [processId, versions] of this.models) {
      const model = versions.at(-1) as Model;
      const env = { now: this.now, timeZone: model.processes[processId]?.timeZone ?? 'Asia/Shanghai' };
      for (const t of startTriggers(model)) {
        if (t.processId !== processId || t.trigger.kind !== 'conditional') continue;
        const holds = evaluateCondition(t.trigger.condition, variables, env);
        if (holds.ok && holds.value) started.push(this.start(processId, { startEvent: t.startEvent, variables }));
      }
    }
    return started;
  }

  /**
   * Moves the clock forward, firing every timer due on the way at its own due time, earliest
   * first (what fires may arm further timers), then stops the clock at the target.
   */
  advance(ms: number): void {
    const target = this.now + ms;
    for (let guard = 0; guard < 100_000; guard++) {
      const due = this.nextDue(target);
      if (!due) {
        this.now = target;
        return;
      }
      this.now = Math.max(this.now, due.at);
      due.fire();
    }
    throw new Error('timers keep firing: more than 100,000 in one advance');
  }

  private nextDue(until: number): { at: number; fire: () => void } | undefined {
    let best: { at: number; fire: () => void } | undefined;
    for (const [id, t] of this.timers) {
      if (t.dueAt <= until && (!best || t.dueAt < best.at)) {
        best = {
          at: t.dueAt,
          fire: () => {
            this.timers.delete(id);
            this.trySend(t.instance, { type: 'fireTimer', sub: t.sub });
          },
        };
      }
    }
    for (const s of this.startTimers) {
      if (s.dueAt <= until && (!best || s.dueAt < best.at)) best = { at: s.dueAt, fire: () => this.fireStartTimer(s) };
    }
    return best;
  }

  private fireStartTimer(s: StartTimer): void {
    s.fired += 1;
    const next = nextDueAt(s.plan, s.dueAt, s.fired);
    if (next === null) this.startTimers.splice(this.startTimers.indexOf(s), 1);
    else s.dueAt = next;
    this.start(s.processId, { startEvent: s.startEvent });
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  incidents(): { instance: string; id: string; el: string; code: string; message: string }[] {
    const out = [];
    for (const [id, inst] of this.instances) for (const i of Object.values(inst.state.incidents ?? {})) out.push({ instance: id, ...i });
    return out;
  }
}
