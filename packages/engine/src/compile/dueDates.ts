import type { ModdleElement } from 'bpmn-moddle';
import type { Expr } from '../model/types.ts';
import { parseDue } from '../timers/index.ts';
import type { Problems } from './problems.ts';

/** A due or follow-up date written as it is must be one a task can have: a date-time, a duration (P3D) or working days (P3WD). */
export function checkDue(
  expr: Expr | undefined,
  what: string,
  timeZone: string,
  node: ModdleElement,
  problems: Problems,
): Expr | undefined {
  if (expr && 'literal' in expr) {
    const parsed = parseDue(expr.literal, timeZone);
    if (!parsed.ok) problems.add('due-date-invalid', `${what}: ${parsed.message}`, node);
  }
  return expr;
}
