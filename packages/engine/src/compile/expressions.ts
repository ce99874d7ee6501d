import { checkFeel, splitExpression } from '../feel/index.ts';
import type { Expr } from '../model/types.ts';
import type { Problems } from './problems.ts';

type Where = { id?: string; $type?: string };

/** Camunda 7 models write JUEL (`${a == 1}`); we run FEEL only and say so. */
function isJuel(text: string): boolean {
  return /\$\{[^}]*\}|#\{[^}]*\}/.test(text);
}

/** A text that is FEEL when it starts with '=' (Camunda 8 convention), else a literal. */
export function readExpr(text: string | undefined, what: string, where: Where, problems: Problems): Expr | undefined {
  if (text === undefined || text === '') return undefined;
  const split = splitExpression(text);
  if ('literal' in split) {
    if (isJuel(split.literal))
      problems.add('juel-expression', `${what} '${split.literal}' is JUEL; write it in FEEL (e.g. '=a + b')`, where);
    return split;
  }
  return checked(split.feel, what, where, problems) === undefined ? undefined : split;
}

/** A text that is always FEEL (conditions, completion conditions, scripts); a leading '=' is allowed. */
export function readFeel(text: string | undefined, what: string, where: Where, problems: Problems): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (isJuel(trimmed)) {
    problems.add('juel-expression', `${what} '${trimmed}' is JUEL; write it in FEEL (e.g. 'amount > 1000')`, where);
    return undefined;
  }
  const split = splitExpression(trimmed);
  return checked('feel' in split ? split.feel : split.literal, what, where, problems);
}

function checked(feel: string, what: string, where: Where, problems: Problems): string | undefined {
  const result = checkFeel(feel);
  if (result.ok) return feel;
  problems.add('feel-syntax', `${what}: ${result.message}`, where);
  return undefined;
}
