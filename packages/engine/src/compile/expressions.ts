import { checkFeel, splitExpression } from '../feel/index.ts';
import type { Expr } from '../model/types.ts';
import type { Problem, Problems } from './problems.ts';

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
  const feel = feelOf(trimmed);
  const wrong = feelProblem(trimmed, feel);
  if (wrong) problems.add(wrong.rule, wrong.rule === 'juel-expression' ? `${what} ${wrong.message}` : `${what}: ${wrong.message}`, where);
  return wrong ? undefined : feel;
}

/**
 * What is wrong with a FEEL text as a designer types it (a condition, a script, a members list): the checks
 * deploy runs, so a field the designer shows clean cannot fail deploy on its syntax. A leading '=' is allowed.
 */
export function feelProblems(text: string): readonly Pick<Problem, 'rule' | 'message'>[] {
  const trimmed = text.trim();
  const wrong = trimmed === '' ? undefined : feelProblem(trimmed, feelOf(trimmed));
  return wrong ? [wrong] : [];
}

function feelOf(trimmed: string): string {
  const split = splitExpression(trimmed);
  return 'feel' in split ? split.feel : split.literal;
}

function feelProblem(trimmed: string, feel: string): Pick<Problem, 'rule' | 'message'> | undefined {
  if (isJuel(trimmed)) return { rule: 'juel-expression', message: `'${trimmed}' is JUEL; write it in FEEL (e.g. 'amount > 1000')` };
  const result = checkFeel(feel);
  return result.ok ? undefined : { rule: 'feel-syntax', message: result.message };
}

function checked(feel: string, what: string, where: Where, problems: Problems): string | undefined {
  const result = checkFeel(feel);
  if (result.ok) return feel;
  problems.add('feel-syntax', `${what}: ${result.message}`, where);
  return undefined;
}
