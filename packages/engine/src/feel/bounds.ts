import { FeelFailure } from './failure.ts';
import { approximateSize } from './size.ts';

/**
 * Bounds on one evaluation. feelin has no hook into its interpreter, so the expression is
 * instrumented before it is compiled (instrument.ts): every for/some/every source, every `a..b`
 * range, every filter with a condition and every call of a user-defined function first reports to
 * a {@link Meter}, which counts the elements *before* feelin materialises them. Inside loops,
 * filters and function bodies, comparisons and paths also pay for the size of the data they walk
 * (a node outside them runs once, so its cost is linear in the input). Built-ins that walk lists or
 * strings charge their argument size (builtins.ts), and `+` and built-in results are checked
 * against the string limit, so repeated doubling stops early.
 * One step is roughly one microsecond of feelin work, so the step limit keeps an evaluation around
 * a second and its intermediate lists in the hundreds of megabytes; an iteration with a large body
 * or scope costs several steps.
 */
export const LIMITS = {
  expressionLength: 4_000,
  iterations: 1_000_000,
  callDepth: 200,
  stringLength: 1_000_000,
  resultSize: 1_000_000,
  resultDepth: 100,
} as const;

/** Approximate JSON characters a built-in may process per step. */
const SIZE_PER_STEP = 100;
/** Element comparisons per step for built-ins that compare every pair (distinct values, union). */
const PAIRS_PER_STEP = 100;

/** What an expression can do per iteration, as counted by instrument.ts. */
export interface Shape {
  /** Names that can be in scope at once; feelin copies the scope for every iteration and call. */
  names: number;
  /** Syntax nodes and hook calls inside loops, filters and function bodies. */
  repeatedNodes: number;
  repeatedHooks: number;
}

/**
 * Steps one iteration costs. Copying a scope of up to ~20 names takes about a microsecond; V8
 * copies larger objects about ten times slower. A node takes ~0.07µs and a hook call ~0.7µs, and
 * a body of up to 30 such units (a typical loop body) fits in one step.
 */
function stepsPerIteration({ names, repeatedNodes, repeatedHooks }: Shape): number {
  const copy = names <= 20 ? 1 : Math.ceil(names / 4);
  return Math.max(copy, Math.ceil((repeatedNodes + 10 * repeatedHooks) / 30));
}

const count = (n: number) => n.toLocaleString('en-US');

export function limitExceeded(what: string, limit: string, offset?: number): FeelFailure {
  return new FeelFailure(`FEEL expression exceeds the ${what} limit (${limit})`, offset);
}

export const stringTooLong = (offset?: number) => limitExceeded('string length', `${count(LIMITS.stringLength)} characters`, offset);

/** Steps and call depth of one evaluation. */
export class Meter {
  #steps = 0;
  #depth = 0;
  readonly #stepsPerIteration: number;

  constructor(shape: Shape) {
    this.#stepsPerIteration = stepsPerIteration(shape);
  }

  #spend(steps: number, offset?: number): void {
    this.#steps += steps;
    if (!(this.#steps <= LIMITS.iterations)) throw limitExceeded('iteration', count(LIMITS.iterations), offset);
  }

  /** Account for `n` iterations (or calls) before doing them. */
  iterate(n: number, offset: number): void {
    this.#spend(n * this.#stepsPerIteration, offset);
  }

  /** A user-defined function is entered: one step, one level deeper. */
  enter(offset: number): void {
    this.#depth += 1;
    if (this.#depth > LIMITS.callDepth) throw limitExceeded('call depth', count(LIMITS.callDepth), offset);
    this.iterate(1, offset);
  }

  leave(): void {
    this.#depth -= 1;
  }

  /** Steps to walk `value`; measuring stops where the remaining steps would run out. */
  #sizeInSteps(value: unknown): number {
    return approximateSize(value, (LIMITS.iterations - this.#steps + 1) * SIZE_PER_STEP) / SIZE_PER_STEP;
  }

  /** Charge a built-in call by the size of its arguments; `pairs` adds a quadratic term. */
  charge(args: readonly unknown[], pairs = 0): void {
    this.#spend(1 + Math.ceil(this.#sizeInSteps(args)) + Math.ceil(pairs / PAIRS_PER_STEP));
  }

  /** Charge for walking a value, e.g. comparing it inside a loop; small values are free. */
  chargeSize(value: unknown, offset: number): void {
    this.#spend(Math.floor(this.#sizeInSteps(value)), offset);
  }

  checkString(value: unknown, offset?: number): void {
    if (typeof value === 'string' && value.length > LIMITS.stringLength) throw stringTooLong(offset);
  }
}
