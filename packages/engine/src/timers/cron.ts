import { CronExpressionParser } from 'cron-parser';

/**
 * Cron timer cycles, evaluated by cron-parser in the definition's time zone:
 * 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds
 * first, as in Spring and Camunda 8 (`0 30 14 ? * TUE`). They never run out.
 */

export interface CronPlan {
  type: 'cron';
  expression: string;
  timeZone: string;
}

/** ISO 8601 forms never contain whitespace; cron fields are separated by it. */
export function looksLikeCron(text: string): boolean {
  return /\s/.test(text);
}

export function parseCron(text: string, timeZone: string): { ok: true; plan: CronPlan } | { ok: false; message: string } {
  const expression = text.split(/\s+/).join(' ');
  const fields = expression.split(' ').length;
  if (fields !== 5 && fields !== 6) {
    return {
      ok: false,
      message: `a cron expression has 5 fields (minute hour day month weekday) or 6 (seconds first), not ${fields}`,
    };
  }
  const plan: CronPlan = { type: 'cron', expression, timeZone };
  try {
    cronAtOrAfter(plan, 0);
  } catch (error) {
    return {
      ok: false,
      message: `not a valid cron expression: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return { ok: true, plan };
}

/** The first matching second at or after t. */
export function cronAtOrAfter(plan: CronPlan, t: number): number {
  const schedule = CronExpressionParser.parse(plan.expression, {
    currentDate: t - 1,
    tz: plan.timeZone,
    // Without a seed cron-parser seeds its H (hash) support from Math.random on every parse.
    hashSeed: plan.expression,
  });
  return schedule.next().getTime();
}
