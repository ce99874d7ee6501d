import { parseExpression } from 'feelin';
import { boundsProblem, MAX_EXPRESSION_LENGTH } from './bounds.ts';
import { BUILTIN_NAMES } from './builtins.ts';
import type { FeelResult } from './evaluate.ts';

const cache = new Map<string, FeelResult<true>>();
const CACHE_LIMIT = 2_000;

/** Syntax, length and loop bounds; the message quotes the expression and the column. */
export function checkFeel(expression: string): FeelResult<true> {
  const hit = cache.get(expression);
  if (hit) return hit;
  const result = check(expression);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(expression, result);
  return result;
}

function check(expression: string): FeelResult<true> {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, message: `FEEL expression is ${expression.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed` };
  }
  if (expression.trim() === '') return { ok: false, message: 'FEEL expression is empty' };
  const tree = parseExpression(expression, BUILTIN_NAMES, undefined);
  let column: number | undefined;
  tree.iterate({
    enter(node) {
      if (column === undefined && node.type.isError) column = node.from + 1;
    },
  });
  if (column !== undefined) return { ok: false, message: `FEEL syntax error in '${quote(expression)}' at column ${column}` };
  const problem = boundsProblem(expression, tree);
  return problem ? { ok: false, message: `${problem}: '${quote(expression)}'` } : { ok: true, value: true };
}

export function quote(expression: string): string {
  return expression.length > 80 ? `${expression.slice(0, 77)}...` : expression;
}
