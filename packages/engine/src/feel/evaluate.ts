import type { Warning } from 'feelin';
import { Meter } from './bounds.ts';
import { RUNTIME_FUNCTIONS } from './builtins.ts';
import { type Compiled, compile } from './compile.ts';
import { feelType, toJson } from './convert.ts';
import { describeFailure, FeelFailure, locate } from './failure.ts';
import { createHooks } from './hooks.ts';
import type { FeelEnv, FeelResult, FeelWarning } from './types.ts';

const lookup = (variables: Record<string, unknown>, name: string) => (Object.hasOwn(variables, name) ? variables[name] : undefined);

function warning(expression: string, compiled: Compiled, { type, message, position }: Warning): FeelWarning {
  return { type, message, ...locate(expression, compiled.originalOffset(position.from)) };
}

/** Run a compiled expression; returns the raw FEEL value, throws on failure. */
function run(expression: string, variables: Record<string, unknown>, env: FeelEnv): { value: unknown; warnings: FeelWarning[] } {
  const compiled = compile(expression);
  if (compiled instanceof FeelFailure) throw compiled;
  const meter = new Meter(compiled);
  const runtime: Record<string, unknown> = compiled.hooks ? createHooks(meter) : {};
  compiled.functions.forEach((name, i) => {
    // a variable shadows a built-in of the same name, as it does in feelin
    const own = lookup(variables, name);
    runtime[`f${i}`] = own !== undefined ? own : RUNTIME_FUNCTIONS.get(name)?.({ meter, env });
  });
  const args = [runtime, ...compiled.parameters.map((name) => lookup(variables, name))];
  let value: unknown;
  let warnings: Warning[];
  try {
    value = compiled.fn.invoke(args);
  } finally {
    warnings = compiled.warnings.splice(0);
  }
  return { value, warnings: warnings.map((w) => warning(expression, compiled, w)) };
}

function success<T>(value: T, warnings: readonly FeelWarning[]): FeelResult<T> {
  return warnings.length === 0 ? { ok: true, value } : { ok: true, value, warnings };
}

/** Syntax and size check at deploy time. The message says what is wrong and where (column). */
export function checkFeel(expression: string): FeelResult<true> {
  const compiled = compile(expression);
  return compiled instanceof FeelFailure ? { ok: false, message: describeFailure(expression, compiled) } : { ok: true, value: true };
}

/** Evaluate to a plain JSON value: FEEL dates/times become ISO 8601 strings, durations ISO duration strings, ranges/functions are an error. */
export function evaluateFeel(expression: string, variables: Record<string, unknown>, env: FeelEnv): FeelResult<unknown> {
  try {
    const { value, warnings } = run(expression, variables, env);
    return success(toJson(value), warnings);
  } catch (error) {
    return { ok: false, message: describeFailure(expression, error) };
  }
}

/** A condition: true/false; null (e.g. a missing variable) counts as false; any other type is an error naming the type. */
export function evaluateCondition(expression: string, variables: Record<string, unknown>, env: FeelEnv): FeelResult<boolean> {
  try {
    const { value, warnings } = run(expression, variables, env);
    if (typeof value === 'boolean') return success(value, warnings);
    if (value === null || value === undefined) return success(false, warnings);
    throw new FeelFailure(`FEEL condition must evaluate to a boolean, not a ${feelType(value)}`);
  } catch (error) {
    return { ok: false, message: describeFailure(expression, error) };
  }
}
