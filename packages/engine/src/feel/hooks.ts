import { FeelFunction, FeelRange } from 'feelin';
import type { Meter } from './bounds.ts';
import { FeelFailure } from './failure.ts';

/** Name of the per-evaluation parameter through which instrumented expressions reach their hooks. */
export const RUNTIME = '__shanzhi';

export type HookName = keyof ReturnType<typeof createHooks>;

/** The integers of a range, counted before they exist; feelin itself loops forever on `1.5..3`. */
function integers(
  meter: Meter,
  range: { start: unknown; end: unknown; startIncluded: boolean; endIncluded: boolean },
  offset: number,
): number[] {
  const { start, end } = range;
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
    throw new FeelFailure('FEEL can only iterate over ranges of integers', offset);
  }
  const step = start <= end ? 1 : -1;
  const first = range.startIncluded ? start : start + step;
  const last = range.endIncluded ? end : end - step;
  const length = (last - first) * step + 1;
  if (length <= 0) return [];
  meter.iterate(length, offset);
  return Array.from({ length }, (_, i) => first + i * step);
}

/** A filter spreads each element into scope; an element must not shadow the hooks. */
function assertNoReservedKey(value: unknown, offset: number): void {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, RUNTIME)) {
    throw new FeelFailure(`FEEL value has the reserved key "${RUNTIME}"`, offset);
  }
}

/** Hooks called by instrumented expressions; `offset` is where the construct starts in the original text. */
export function createHooks(meter: Meter) {
  return {
    /** Source of a for/some/every: lists are counted, ranges enumerated under the limit. */
    each: new FeelFunction(
      (source: unknown, offset: number) => {
        if (source instanceof FeelRange) {
          const range = {
            start: source.start,
            end: source.end,
            startIncluded: source['start included'],
            endIncluded: source['end included'],
          };
          return integers(meter, range, offset);
        }
        if (Array.isArray(source)) meter.iterate(source.length, offset);
        return source;
      },
      ['source', 'offset'],
    ),
    /** `for i in a..b`. */
    range: new FeelFunction(
      (start: unknown, end: unknown, offset: number) =>
        start === null || end === null ? null : integers(meter, { start, end, startIncluded: true, endIncluded: true }, offset),
      ['start', 'end', 'offset'],
    ),
    /** Operand of a comparison inside a loop: equality walks the whole value. */
    sized: new FeelFunction(
      (value: unknown, offset: number) => {
        meter.chargeSize(value, offset);
        return value;
      },
      ['value', 'offset'],
    ),
    /** Target of a filter with a condition, or of a path inside a loop: visited once per element. */
    items: new FeelFunction(
      (target: unknown, offset: number) => {
        if (Array.isArray(target)) {
          meter.iterate(target.length, offset);
          for (const element of target) assertNoReservedKey(element, offset);
        } else {
          assertNoReservedKey(target, offset);
        }
        return target;
      },
      ['target', 'offset'],
    ),
    /** Body of a user-defined function: `leave(enter(offset), body)`. */
    enter: new FeelFunction(
      (offset: number) => {
        meter.enter(offset);
        return null;
      },
      ['offset'],
    ),
    leave: new FeelFunction(
      (_entered: unknown, value: unknown) => {
        meter.leave();
        return value;
      },
      ['entered', 'value'],
    ),
    /** Result of `a + b`, where strings could otherwise double until the heap is gone. */
    str: new FeelFunction(
      (value: unknown, offset: number) => {
        meter.checkString(value, offset);
        return value;
      },
      ['value', 'offset'],
    ),
  };
}
