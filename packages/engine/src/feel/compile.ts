import { evaluate, FeelFunction, type Warning } from 'feelin';
import type { Shape } from './bounds.ts';
import { PARSE_CONTEXT } from './builtins.ts';
import { FeelFailure } from './failure.ts';
import { RUNTIME } from './hooks.ts';
import { type Edit, instrument } from './instrument.ts';

/**
 * An expression compiled once into a feelin function of its free variables.
 *
 * feelin exposes no way to keep a parsed expression, but a FEEL function value keeps its parsed
 * body: `amount > 1000` compiles to `function(__shanzhi, amount) (amount > 1000)`, and every
 * evaluation is a plain invocation. Built-ins created per evaluation are bound by a context around
 * the body (`{"get or else": __shanzhi.f0, …}`).
 */
export interface Compiled extends Shape {
  readonly fn: FeelFunction;
  readonly parameters: readonly string[];
  readonly functions: readonly string[];
  /** Whether the body calls hooks (see hooks.ts). */
  readonly hooks: boolean;
  /** feelin's warning buffer, shared by every invocation; the caller empties it after each. */
  readonly warnings: Warning[];
  /** Map an offset in the compiled source back to the original expression. */
  originalOffset(offset: number): number;
}

const RESULT = `${RUNTIME}_result`;
const CACHE_SIZE = 2_000;
/** Least recently used last; the only state kept between evaluations. */
const cache = new Map<string, Compiled | FeelFailure>();

function applyEdits(expression: string, edits: readonly Edit[]): string {
  let text = '';
  let at = 0;
  for (const edit of edits) {
    text += expression.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  return text + expression.slice(at);
}

function originalOffset(edits: readonly Edit[], offset: number, length: number): number {
  let shift = 0;
  for (const edit of edits) {
    const start = edit.from + shift;
    if (offset < start) break;
    if (offset < start + edit.text.length) return edit.from;
    shift += edit.text.length - (edit.to - edit.from);
  }
  return Math.max(0, Math.min(length, offset - shift));
}

function build(expression: string): Compiled {
  const { edits, parameters, functions, ...shape } = instrument(expression);
  const entries = functions.map((name, i) => `${JSON.stringify(name)}: ${RUNTIME}.f${i}`);
  const head = `function(${[RUNTIME, ...parameters].join(', ')}) `;
  // the body goes on its own lines so a trailing `// comment` cannot swallow the closing parenthesis
  const prefix = entries.length === 0 ? `${head}(\n` : `${head}{${entries.join(', ')}, ${RESULT}: (\n`;
  const suffix = entries.length === 0 ? '\n)' : `\n)}.${RESULT}`;
  // feelin copies this context into every call of the compiled function: keep it to the names used
  const parseContext = Object.fromEntries(functions.filter((name) => name in PARSE_CONTEXT).map((name) => [name, null]));
  const { value, warnings } = evaluate(prefix + applyEdits(expression, edits) + suffix, parseContext);
  if (!(value instanceof FeelFunction)) throw new FeelFailure('FEEL expression could not be compiled');
  return {
    fn: value,
    parameters,
    functions,
    ...shape,
    hooks: edits.length > 0,
    warnings,
    originalOffset: (offset) => originalOffset(edits, offset - prefix.length, expression.length),
  };
}

/** The compiled expression, or why it does not compile; cached by expression text. */
export function compile(expression: string): Compiled | FeelFailure {
  const cached = cache.get(expression);
  if (cached !== undefined) {
    cache.delete(expression);
    cache.set(expression, cached);
    return cached;
  }
  let compiled: Compiled | FeelFailure;
  try {
    compiled = build(expression);
  } catch (error) {
    compiled =
      error instanceof FeelFailure
        ? error
        : new FeelFailure(`FEEL expression could not be compiled: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(expression, compiled);
  return compiled;
}
