/**
 * Runs a list of steps (the vocabulary of shared/peer/camunda7/README.md, plus a few
 * expectations for the bpmn-engine cases) against a MemoryRuntime. A step either acts
 * (start, completeTask, advanceTime, ...) or checks; the first check that does not hold
 * ends the case with a message saying which step and why.
 */
import type { Model, Vars } from '@shanzhi/engine';
import { addDuration } from '@shanzhi/engine';
import { MemoryRuntime, type RuntimeTask } from '@shanzhi/engine/testing';

export type Where = { holdingTask: string };

export type Step = Record<string, unknown>;

/** What the harness does with a job (a service-task stand-in): complete it, or throw a BPMN error. */
export type JobAction = { complete: Vars } | { error: string; message?: string };

export interface HarnessOptions {
  /** Stand-ins for work a peer suite did in code: element id -> what to do with its job. */
  readonly jobs?: Readonly<Record<string, JobAction>>;
}

const ACTIONS = new Set([
  'start',
  'startAnother',
  'completeTask',
  'advanceTime',
  'correlateMessage',
  'signal',
  'setVariable',
  'cancelInstance',
  'completeJob',
  'throwErrorFromJob',
  'roundTripState',
]);
const TIME_ZONE = 'UTC';

interface ActionOutcome {
  /** The action failed: thrown error or a new incident. */
  failure?: string;
  /** Tasks that were not open before the action. */
  newTasks: RuntimeTask[];
}

export class CaseFailure extends Error {}

export class Harness {
  readonly rt = new MemoryRuntime();
  current: string | undefined;
  private readonly userTaskIds = new Set<string>();

  constructor(
    private readonly processId: string,
    private readonly options: HarnessOptions = {},
  ) {}

  deploy(model: Model): void {
    this.rt.deploy(model);
    for (const process of Object.values(model.processes)) {
      for (const el of Object.values(process.elements)) if (el.kind === 'userTask') this.userTaskIds.add(el.id);
    }
  }

  /** Runs every step; throws CaseFailure at the first one that does not hold. */
  run(steps: readonly Step[]): string[] {
    const notes: string[] = [];
    let last: { index: number; outcome: ActionOutcome } | undefined;
    for (const [i, step] of steps.entries()) {
      const n = i + 1;
      const kind = Object.keys(step).find((k) => ACTIONS.has(k) || k.startsWith('expect'));
      if (kind === undefined) throw new CaseFailure(`step ${n}: unknown step ${JSON.stringify(step)}`);
      if (last?.outcome.failure !== undefined && kind !== 'expectError') {
        throw new CaseFailure(`step ${last.index} failed: ${last.outcome.failure}`);
      }
      if (ACTIONS.has(kind)) {
        last = { index: n, outcome: this.act(kind, step) };
        continue;
      }
      if (kind === 'expectError') {
        if (!last) throw new CaseFailure(`step ${n}: expectError with no step before it`);
        if (last.outcome.failure === undefined)
          throw new CaseFailure(`step ${n}: step ${last.index} should have failed (${String(step.expectError)}) but succeeded`);
        if (last.outcome.newTasks.length > 0) {
          throw new CaseFailure(
            `step ${n}: step ${last.index} failed but still opened ${last.outcome.newTasks.map((t) => t.name ?? t.el).join(', ')}`,
          );
        }
        notes.push(`expected failure: ${last.outcome.failure}`);
        last = undefined;
        continue;
      }
      const problem = this.check(kind, step, notes);
      if (problem !== undefined) throw new CaseFailure(`step ${n} ${kind}: ${problem}`);
    }
    if (last?.outcome.failure !== undefined) throw new CaseFailure(`step ${last.index} failed: ${last.outcome.failure}`);
    return notes;
  }

  // ---- actions -------------------------------------------------------------------------

  private act(kind: string, step: Step): ActionOutcome {
    const before = new Set(this.rt.tasks().map((t) => `${t.instance}/${t.key}`));
    const incidentsBefore = this.rt.incidents().length;
    const instancesBefore = new Set(this.rt.instances.keys());
    let failure: string | undefined;
    try {
      this.perform(kind, step);
      this.runStandInJobs();
    } catch (e) {
      if (e instanceof CaseFailure) throw e;
      failure = (e as Error).message;
    }
    const incidents = this.rt.incidents();
    if (failure === undefined && incidents.length > incidentsBefore) {
      failure = `incident ${incidents
        .slice(incidentsBefore)
        .map((i) => `${i.code} at ${i.el}: ${i.message}`)
        .join('; ')}`;
    }
    const newTasks = this.rt.tasks().filter((t) => !before.has(`${t.instance}/${t.key}`));
    // A message or signal that started an instance makes it the current one when there is none yet.
    if (this.current === undefined && kind !== 'start') {
      const started = [...this.rt.instances.values()].find((i) => !instancesBefore.has(i.state.id) && i.state.parent === undefined);
      if (started) this.current = started.state.id;
    }
    return failure === undefined ? { newTasks } : { failure, newTasks };
  }

  private perform(kind: string, step: Step): void {
    switch (kind) {
      case 'start': {
        const input = (step.start ?? {}) as { variables?: Vars; startEvent?: string; businessKey?: string; processId?: string };
        this.current = undefined;
        this.current = this.rt.start(input.processId ?? this.processId, {
          variables: input.variables ?? {},
          ...(input.startEvent ? { startEvent: input.startEvent } : {}),
          ...(input.businessKey ? { businessKey: input.businessKey } : {}),
        });
        return;
      }
      case 'startAnother': {
        const input = step.startAnother as { processId: string; variables?: Vars };
        this.rt.start(input.processId, { variables: input.variables ?? {} });
        return;
      }
      case 'completeTask': {
        const task = this.findTask(String(step.completeTask));
        if (!task) throw new CaseFailure(`no open task matches '${String(step.completeTask)}' (open: ${this.describeTasks()})`);
        this.rt.completeTask(task, step.variables as Vars | undefined);
        return;
      }
      case 'advanceTime': {
        const to = addDuration(this.rt.now, String(step.advanceTime), TIME_ZONE);
        this.rt.advance(to - this.rt.now);
        return;
      }
      case 'correlateMessage': {
        const delivered = this.rt.correlateMessage(
          String(step.correlateMessage),
          step.correlationKey as string | undefined,
          step.variables as Vars | undefined,
        );
        if (!delivered) throw new Error(`message '${String(step.correlateMessage)}' was not correlated: nothing waits for it`);
        return;
      }
      case 'signal':
        this.rt.broadcastSignal(String(step.signal), step.variables as Vars | undefined);
        return;
      case 'setVariable':
        this.rt.send(this.target(step.in as Where | undefined), { type: 'setVariables', variables: step.setVariable as Vars });
        return;
      case 'completeJob': {
        const job = this.findJob(String(step.completeJob));
        this.rt.completeJob(job, step.variables as Vars | undefined);
        return;
      }
      case 'throwErrorFromJob': {
        const spec = step.throwErrorFromJob as { job: string; code: string; message?: string };
        const job = this.findJob(spec.job);
        this.rt.failJob(job, { retries: 0, message: spec.message ?? `BPMN error ${spec.code}`, errorCode: spec.code });
        return;
      }
      case 'roundTripState': {
        // Stop and resume: every instance's state goes through JSON and must come back the same.
        for (const inst of this.rt.instances.values()) {
          const text = JSON.stringify(inst.state);
          const back = JSON.parse(text);
          if (JSON.stringify(back) !== text) throw new CaseFailure(`state of ${inst.state.id} does not survive JSON`);
          inst.state = back;
        }
        return;
      }
      case 'cancelInstance': {
        const which = step.cancelInstance;
        this.rt.send(which === 'current' ? this.requireCurrent() : this.target(which as Where), { type: 'cancel' });
        return;
      }
      default:
        throw new CaseFailure(`unknown action ${kind}`);
    }
  }

  /** Completes or fails the jobs the case declares stand-ins for, until none is left. */
  private runStandInJobs(): void {
    for (let guard = 0; guard < 1000; guard++) {
      const job = this.rt.jobs().find((j) => this.options.jobs?.[j.el] !== undefined);
      if (!job) return;
      const action = this.options.jobs?.[job.el] as JobAction;
      if ('complete' in action) this.rt.completeJob(job, action.complete);
      else this.rt.failJob(job, { retries: 0, message: action.message ?? `BPMN error ${action.error}`, errorCode: action.error });
    }
    throw new CaseFailure('stand-in jobs keep coming: more than 1000');
  }

  // ---- checks --------------------------------------------------------------------------

  /** Returns a problem, or undefined when the check holds. */
  private check(kind: string, step: Step, notes: string[]): string | undefined {
    switch (kind) {
      case 'expectActiveTasks':
        return this.checkTasks(step.expectActiveTasks as string[]);
      case 'expectEnded': {
        const want = step.expectEnded === true;
        const status = this.status(this.requireCurrent());
        return (status !== 'active') === want ? undefined : `instance is ${status}, expected ${want ? 'ended' : 'still running'}`;
      }
      case 'expectStatus': {
        const status = this.status(this.requireCurrent());
        return status === step.expectStatus ? undefined : `instance is ${status}, expected ${String(step.expectStatus)}`;
      }
      case 'expectTotalInstances': {
        const n = this.rt.instances.size;
        return n === step.expectTotalInstances ? undefined : `${n} instances were created, expected ${String(step.expectTotalInstances)}`;
      }
      case 'expectJobs': {
        const got = this.rt
          .jobs()
          .map((j) => j.el)
          .sort();
        const want = [...(step.expectJobs as string[])].sort();
        return JSON.stringify(got) === JSON.stringify(want) ? undefined : `waiting jobs [${got.join(', ')}], expected [${want.join(', ')}]`;
      }
      case 'expectInstances': {
        const n = [...this.rt.instances.values()].filter((i) => i.state.status === 'active').length;
        return n === step.expectInstances ? undefined : `${n} unfinished instances, expected ${String(step.expectInstances)}`;
      }
      case 'expectPending':
        return this.checkPending(step.expectPending as Record<string, number>);
      case 'expectVariables': {
        const vars = this.vars(step.in as Where | undefined);
        const wrong: string[] = [];
        for (const [name, want] of Object.entries(step.expectVariables as Vars)) {
          if (!Object.hasOwn(vars, name)) wrong.push(`${name} is missing (expected ${JSON.stringify(want)})`);
          else if (!same(vars[name], want)) wrong.push(`${name} = ${JSON.stringify(vars[name])}, expected ${JSON.stringify(want)}`);
        }
        return wrong.length === 0 ? undefined : wrong.join('; ');
      }
      case 'expectVariablesAbsent': {
        const vars = this.vars(step.in as Where | undefined);
        const present = (step.expectVariablesAbsent as string[]).filter((name) => Object.hasOwn(vars, name));
        return present.length === 0 ? undefined : `present: ${present.map((p) => `${p} = ${JSON.stringify(vars[p])}`).join(', ')}`;
      }
      case 'expectTaskDetails':
        return this.checkTaskDetails(step.expectTaskDetails as TaskDetail[], notes);
      case 'expectCompleted':
        return this.checkCompleted(step.expectCompleted as Record<string, number> | string[]);
      case 'expectNotCompleted': {
        const counts = this.completions();
        const done = (step.expectNotCompleted as string[]).filter((id) => (counts.get(id) ?? 0) > 0);
        return done.length === 0 ? undefined : `completed although they should not be: ${done.join(', ')}`;
      }
      case 'expectIncident': {
        const incidents = this.rt.incidents();
        const want = step.expectIncident as boolean | string;
        if (want === false) return incidents.length === 0 ? undefined : `unexpected incident ${incidents[0]?.code} at ${incidents[0]?.el}`;
        const found = incidents.find((i) => want === true || i.el === want);
        return found ? undefined : `no incident${want === true ? '' : ` at ${want}`}`;
      }
      default:
        return `unknown check ${kind}`;
    }
  }

  private checkTasks(expected: readonly string[]): string | undefined {
    const open = this.rt.tasks();
    const left = [...open];
    const missing: string[] = [];
    // Id references first, so a name reference cannot take a task an id reference needs.
    const ordered = [...expected].sort((a, b) => Number(!this.userTaskIds.has(a)) - Number(!this.userTaskIds.has(b)));
    for (const ref of ordered) {
      const i = left.findIndex((t) => this.matches(t, ref));
      if (i < 0) missing.push(ref);
      else left.splice(i, 1);
    }
    if (missing.length === 0 && left.length === 0) return undefined;
    return `open tasks [${this.describeTasks(open)}], expected [${expected.join(', ')}]`;
  }

  private checkPending(expected: Record<string, number>): string | undefined {
    const counts: Record<string, number> = { timers: 0, messages: 0, signals: 0, conditions: 0 };
    const plural: Record<string, string> = { timer: 'timers', message: 'messages', signal: 'signals', conditional: 'conditions' };
    for (const inst of this.rt.instances.values()) {
      if (inst.state.status !== 'active') continue;
      for (const sub of Object.values(inst.state.subs ?? {})) {
        const key = plural[sub.kind];
        if (key) counts[key] = (counts[key] ?? 0) + 1;
      }
    }
    const wrong = Object.entries(expected)
      .filter(([k, v]) => counts[k] !== v)
      .map(([k, v]) => `${k} ${counts[k]} (expected ${v})`);
    if (expected.timers !== undefined && this.rt.pendingTimers() !== counts.timers) {
      wrong.push(`the runtime holds ${this.rt.pendingTimers()} timers but the instances subscribe to ${counts.timers}`);
    }
    return wrong.length === 0 ? undefined : wrong.join('; ');
  }

  private checkTaskDetails(details: readonly TaskDetail[], notes: string[]): string | undefined {
    const open = this.rt.tasks();
    const wrong: string[] = [];
    const byRef = new Map<string, TaskDetail[]>();
    for (const d of details) byRef.set(d.task, [...(byRef.get(d.task) ?? []), d]);
    let namesSkipped = false;
    for (const [ref, wanted] of byRef) {
      const tasks = open.filter((t) => this.matches(t, ref));
      const assignees = wanted.filter((d) => d.assignee !== undefined).map((d) => d.assignee as string);
      if (wanted.some((d) => d.name !== undefined)) namesSkipped = true;
      if (assignees.length === 0) continue;
      const got = tasks.map((t) => t.assignee ?? '(none)').sort();
      if (JSON.stringify(got) !== JSON.stringify([...assignees].sort()))
        wrong.push(`${ref}: assignees [${got.join(', ')}], expected [${assignees.sort().join(', ')}]`);
    }
    if (namesSkipped) notes.push('task-name templates not checked (the engine has no evaluated task names)');
    return wrong.length === 0 ? undefined : wrong.join('; ');
  }

  private checkCompleted(expected: Record<string, number> | string[]): string | undefined {
    const counts = this.completions();
    const want: Record<string, number | undefined> = Array.isArray(expected)
      ? Object.fromEntries(expected.map((id) => [id, undefined]))
      : expected;
    const wrong: string[] = [];
    for (const [id, n] of Object.entries(want)) {
      const got = counts.get(id) ?? 0;
      if (n === undefined ? got === 0 : got !== n)
        wrong.push(`${id} completed ${got}x, expected ${n === undefined ? 'at least once' : `${n}x`}`);
    }
    return wrong.length === 0 ? undefined : wrong.join('; ');
  }

  /** How often each element of the current instance completed (a multi-instance body and its inner instances both count). */
  completions(): Map<string, number> {
    const inst = this.rt.instances.get(this.requireCurrent());
    const elementOf = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const ev of inst?.events ?? []) {
      if (ev.type === 'ElementActivated') elementOf.set(ev.el.k, ev.el.e);
      if (ev.type === 'ElementCompleted') {
        const id = elementOf.get(ev.key);
        if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    return counts;
  }

  // ---- helpers -------------------------------------------------------------------------

  private matches(task: RuntimeTask, ref: string): boolean {
    return this.userTaskIds.has(ref) ? task.el === ref : task.name === ref;
  }

  private findJob(el: string) {
    const job = this.rt.jobs().find((j) => j.el === el);
    if (!job)
      throw new CaseFailure(
        `no job waits at ${el} (jobs: ${
          this.rt
            .jobs()
            .map((j) => j.el)
            .join(', ') || 'none'
        })`,
      );
    return job;
  }

  private findTask(ref: string): RuntimeTask | undefined {
    return this.rt.tasks().find((t) => this.matches(t, ref));
  }

  private describeTasks(tasks = this.rt.tasks()): string {
    return tasks.map((t) => t.name ?? t.el).join(', ');
  }

  private requireCurrent(): string {
    if (this.current === undefined) throw new CaseFailure('no current instance (the start failed)');
    return this.current;
  }

  private target(where: Where | undefined): string {
    if (!where) return this.requireCurrent();
    const task = this.findTask(where.holdingTask);
    if (!task) throw new CaseFailure(`no open task '${where.holdingTask}' to find its instance`);
    return task.instance;
  }

  status(id: string): string {
    return this.rt.instances.get(id)?.state.status ?? 'unknown';
  }

  private vars(where: Where | undefined): Vars {
    const inst = this.rt.instances.get(this.target(where));
    if (!inst) return {};
    return inst.state.els[inst.state.root]?.vars ?? {};
  }
}

interface TaskDetail {
  task: string;
  name?: string;
  assignee?: string;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}
