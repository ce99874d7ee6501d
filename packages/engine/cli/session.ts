import { addDuration, type EngineEvent, type Model, type Subscription, startTriggers, type Vars } from '@shanzhi/engine';
import { MemoryRuntime, type RuntimeInstance, type RuntimeJob, type RuntimeTask } from '@shanzhi/engine/testing';

/** What an instance waits on, besides user tasks and jobs. */
export interface Wait {
  readonly instance: string;
  readonly sub: Subscription;
}

export interface ElementInfo {
  readonly id: string;
  readonly name?: string;
  readonly kind: string;
}

/**
 * The runner's world: a memory runtime with the model deployed, plus what the printer needs
 * to name things (element instance keys and subscriptions seen so far, per instance).
 */
export class Session {
  readonly rt: MemoryRuntime;
  readonly timeZone: string;
  private readonly keys = new Map<string, Map<string, string>>();
  /** Inner instances of multi-instance activities: their loop counter, to tell them apart in the log. */
  private readonly loops = new Map<string, number>();
  private readonly subs = new Map<string, Map<string, Subscription>>();
  private readonly noticesSeen = { count: 0 };
  /** Called with each event as it happens, after the session has recorded it. */
  onEvent?: (instance: string, event: EngineEvent) => void;
  onNotice?: (notice: MemoryRuntime['notices'][number]) => void;

  constructor(
    readonly model: Model,
    now?: number,
  ) {
    this.rt = new MemoryRuntime(now === undefined ? {} : { now });
    this.timeZone = model.processes[model.main]?.timeZone ?? 'Asia/Shanghai';
    this.rt.onEvents = (instance, events) => {
      this.flushNotices();
      for (const e of events) {
        this.record(instance, e);
        this.onEvent?.(instance, e);
      }
    };
    this.rt.deploy(model);
  }

  start(processId: string, variables: Vars, businessKey?: string): string {
    return this.rt.start(processId, { variables, ...(businessKey === undefined ? {} : { businessKey }) });
  }

  /** Notices are effects carried out after their events: printed before the next events or at the end of a step. */
  flushNotices(): void {
    const all = this.rt.notices;
    while (this.noticesSeen.count < all.length) {
      const n = all[this.noticesSeen.count++];
      if (n) this.onNotice?.(n);
    }
  }

  private record(instance: string, e: EngineEvent): void {
    const keys = this.keys.get(instance) ?? new Map<string, string>();
    this.keys.set(instance, keys);
    if (e.type === 'InstanceCreated') keys.set(e.root, e.processId);
    if (e.type === 'ElementActivated') {
      keys.set(e.el.k, e.el.e);
      const counter = e.el.vars?.loopCounter;
      if (typeof counter === 'number') this.loops.set(`${instance}/${e.el.k}`, counter);
    }
    if (e.type === 'SubscriptionOpened') {
      const subs = this.subs.get(instance) ?? new Map<string, Subscription>();
      this.subs.set(instance, subs);
      subs.set(e.sub.id, e.sub);
    }
  }

  instance(id: string): RuntimeInstance | undefined {
    return this.rt.instances.get(id);
  }

  elementOfKey(instance: string, key: string): string | undefined {
    return this.keys.get(instance)?.get(key);
  }

  loopCounter(instance: string, key: string): number | undefined {
    return this.loops.get(`${instance}/${key}`);
  }

  subscription(instance: string, id: string): Subscription | undefined {
    return this.subs.get(instance)?.get(id);
  }

  /** The element (or the process itself) by id, in the model the instance runs. */
  element(instance: string, id: string): ElementInfo {
    const inst = this.instance(instance);
    const model = inst?.model ?? this.model;
    const process = model.processes[inst?.state.processId ?? model.main];
    const el = process?.elements[id];
    if (el) return { id, kind: el.kind, ...(el.name === undefined ? {} : { name: el.name }) };
    const proc = model.processes[id];
    if (proc) return { id, kind: 'process', ...(proc.name === undefined ? {} : { name: proc.name }) };
    return { id, kind: '?' };
  }

  tasks(): RuntimeTask[] {
    return this.rt.tasks();
  }

  jobs(): RuntimeJob[] {
    return this.rt.jobs();
  }

  /** Timers, messages, signals and conditions that active instances wait on, timers by due time. */
  waits(): Wait[] {
    const out: Wait[] = [];
    for (const [id, inst] of this.rt.instances) {
      if (inst.state.status !== 'active') continue;
      for (const sub of Object.values(inst.state.subs ?? {})) out.push({ instance: id, sub });
    }
    const order = (w: Wait) => (w.sub.kind === 'timer' ? w.sub.dueAt : Number.MAX_SAFE_INTEGER);
    return out.sort((a, b) => order(a) - order(b));
  }

  /** Whether an instance waits for the signal or a process starts on it. */
  listensTo(signal: string): boolean {
    if (this.waits().some((w) => w.sub.kind === 'signal' && w.sub.name === signal)) return true;
    return startTriggers(this.model).some((t) => t.trigger.kind === 'signal' && t.trigger.name === signal);
  }

  /** The clock after an ISO 8601 duration, counted on the main process's calendar. */
  after(duration: string): number {
    return addDuration(this.rt.now, duration, this.timeZone);
  }

  /** Moves the clock to `target`; the runtime fires each timer on the way at its own due time. */
  advanceTo(target: number): void {
    if (target > this.rt.now) this.rt.advance(target - this.rt.now);
    this.flushNotices();
  }

  /** The instance's process variables (kept in its root element instance, also after it ended). */
  variables(instance: string): Vars {
    const inst = this.instance(instance);
    return { ...inst?.state.els[inst.state.root]?.vars };
  }
}
