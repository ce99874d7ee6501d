import { evaluateFeel, type FeelEnv } from './feel/index.ts';
import type { Expr, TimerKind } from './model/types.ts';
import type { Vars } from './state/types.ts';
import { parseTimer, type TimerPlan } from './timers/index.ts';

/**
 * A timer definition (literal or FEEL) evaluated against variables and parsed into a plan: the
 * one way the engine arms a waiting timer, exported so a host plans timer start events (which
 * have no instance yet) by the same rules.
 */
export function planTimer(
  timer: { readonly timer: TimerKind; readonly value: Expr },
  variables: Vars,
  env: FeelEnv,
): { ok: true; plan: TimerPlan } | { ok: false; message: string } {
  let text: string;
  if ('literal' in timer.value) text = timer.value.literal;
  else {
    const value = evaluateFeel(timer.value.feel, variables, env);
    if (!value.ok) return value;
    text = String(value.value);
  }
  const parsed = parseTimer(timer.timer, text, env.timeZone);
  return parsed.ok ? { ok: true, plan: parsed.plan } : parsed;
}
