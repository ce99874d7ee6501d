import { applyEvent } from '../appliers/index.ts';
import type { Ctx } from '../commands.ts';
import type { Effect } from '../effects.ts';
import type { EngineErrorCode } from '../errors.ts';
import type { EngineEvent } from '../events.ts';
import { evaluateCondition, evaluateFeel, type FeelEnv, type FeelResult } from '../feel/index.ts';
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import type { ElementKind, ElementModel, Expr, ProcessModel } from '../model/types.ts';
import { variablesAt } from '../queries.ts';
import type { Activate, ElementInstance, InstanceState, Vars, Work } from '../state/types.ts';

export type { Activate, Work } from '../state/types.ts';

/** One per element kind (Zeebe's BpmnElementProcessor): decides what happens, writes events, asks for effects. */
export interface ElementProcessor {
  /** The element's work once active: complete at once (enqueue 'complete') or wait for a command. */
  run(p: Processing, ei: ElementInstance, el: ElementModel, work?: Activate): void;
  /** Release what the element holds outside the instance (an inbox task, a job, a called instance). */
  terminate?(p: Processing, ei: ElementInstance, el: ElementModel, why: Withdrawal): void;
}

/** Why a step goes before it is done: ended from outside it, or decided by others (或签, a vote decided early). */
export type Withdrawal = 'terminated' | 'decided';

/**
 * The processors by element kind. It is handed to each transition from above, so behaviours
 * call processors through it and never import them: the dependency graph reads top to bottom.
 */
export type ProcessorTable = Readonly<Record<ElementKind | 'loopBody', ElementProcessor>>;

/** Raised inside a processor when an expression or rule fails: becomes an incident on the element. */
export class IncidentSignal {
  constructor(
    readonly code: EngineErrorCode,
    readonly message: string,
  ) {}
}

/**
 * One transition in progress. Processors read `state` and decide; they change it only by
 * writing events, whose appliers run at once (Zeebe's StateWriter), and they ask for I/O
 * only by adding effects.
 */
export class Processing {
  readonly events: EngineEvent[] = [];
  readonly effects: Effect[] = [];
  private readonly queue: Work[] = [];
  private head = 0;
  /** Inclusive joins (`scope/gateway`) that got a token: checked when the queue runs dry. */
  readonly pendingInclusive = new Set<string>();
  /** Set when variables changed, so conditional events are evaluated again. */
  varsChanged = false;
  /** A called instance ended by an error nothing in it caught: its caller gets the error. */
  errorToParent: { code: string; message: string } | undefined;
  private nextKey: number;
  readonly feelEnv: FeelEnv;
  readonly limits: Limits;
  /** Element activations so far in this transition, against `limits.activations`. */
  activations = 0;

  constructor(
    readonly model: ProcessModel,
    readonly state: InstanceState,
    readonly ctx: Ctx,
    private readonly processors: ProcessorTable,
  ) {
    this.nextKey = state.next;
    this.feelEnv = { now: ctx.now, timeZone: model.timeZone, newId: ctx.newId };
    this.limits = ctx.limits ? { ...DEFAULT_LIMITS, ...ctx.limits } : DEFAULT_LIMITS;
  }

  write(event: EngineEvent): void {
    applyEvent(this.state, event);
    if (event.type === 'VariablesSet') this.varsChanged = true;
    this.events.push(event);
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }

  enqueue(work: Work): void {
    this.queue.push(work);
  }

  /** The next piece of work, in the order it was asked for. */
  dequeue(): Work | undefined {
    return this.head < this.queue.length ? this.queue[this.head++] : undefined;
  }

  /** Everything still queued, which the queue gives up. */
  takeQueue(): Work[] {
    const rest = this.queue.slice(this.head);
    this.head = this.queue.length;
    return rest;
  }

  /** Whether a token is on its way into this scope: queued, or parked on an SZ_LOOP_LIMIT incident. */
  enteringScope(key: string): boolean {
    const entering = (w: Work) => w.op === 'activate' && w.parent === key;
    for (let i = this.head; i < this.queue.length; i++) if (entering(this.queue[i] as Work)) return true;
    const incidents = this.state.incidents;
    if (incidents) for (const id in incidents) if (incidents[id]?.parked?.some(entering)) return true;
    return false;
  }

  /** A fresh key from the instance's counter; the event that records it moves the counter. */
  newKey(): string {
    this.nextKey = Math.max(this.nextKey, this.state.next);
    return String(this.nextKey++);
  }

  processor(kind: ElementKind | 'loopBody'): ElementProcessor {
    return this.processors[kind];
  }

  element(id: string): ElementModel {
    const el = this.model.elements[id];
    if (!el) throw new Error(`element ${id} is not in process ${this.model.id}`);
    return el;
  }

  instance(key: string): ElementInstance | undefined {
    return this.state.els[key];
  }

  /** Variables visible from an element instance: its own, then each enclosing scope's. */
  scopeVars(key: string | undefined): Vars {
    return variablesAt(this.state, key);
  }

  feel(expression: string, vars: Vars, what: string): unknown {
    return unwrap(evaluateFeel(expression, vars, this.feelEnv), what, expression);
  }

  condition(expression: string, vars: Vars, what: string): boolean {
    return unwrap(evaluateCondition(expression, vars, this.feelEnv), what, expression);
  }

  /** A model value: literal text as is, FEEL evaluated in the element's scope. */
  expr(value: Expr, vars: Vars, what: string): unknown {
    return 'literal' in value ? value.literal : this.feel(value.feel, vars, what);
  }
}

function unwrap<T>(result: FeelResult<T>, what: string, expression: string): T {
  if (result.ok) return result.value;
  throw new IncidentSignal('SZ_EXPRESSION_FAILED', `${what}: '${expression}' failed: ${result.message}`);
}
