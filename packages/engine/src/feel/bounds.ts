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
 * One step is roughly one microsecond of feelin work, so the step limit keeps an evaluation well
 * under a second and its intermediate lists well under the heap limit.
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

const count = (n: number) => n.toLocaleString('en-US');

export function limitExceeded(what: string, limit: string, offset?: number): FeelFailure {
  return new FeelFailure(`FEEL expression exceeds the ${what} limit (${limit})`, offset);
}

export const stringTooLong = (offset?: number) => limitExceeded('string length', `${count(LIMITS.stringLength)} characters`, offset);

/** Steps and call depth of one evaluation. */
export class Meter {
  #steps = 0;
  #depth = 0;

  /** Account for `n` iterations (or equivalent work) before doing them. */
  iterate(n: number, offset?: number): void {
    this.#steps += n;
    if (!(this.#steps <= LIMITS.iterations)) throw limitExceeded('iteration', count(LIMITS.iterations), offset);
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
    this.iterate(1 + Math.ceil(this.#sizeInSteps(args)) + Math.ceil(pairs / PAIRS_PER_STEP));
  }

  /** Charge for walking a value, e.g. comparing it inside a loop; small values are free. */
  chargeSize(value: unknown, offset: number): void {
    this.iterate(Math.floor(this.#sizeInSteps(value)), offset);
  }

  checkString(value: unknown, offset?: number): void {
    if (typeof value === 'string' && value.length > LIMITS.stringLength) throw stringTooLong(offset);
  }
}
