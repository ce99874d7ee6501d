import type { Processing } from '../processing/processing.ts';
import { triggerSubscription } from './triggers.ts';

/**
 * Conditional events fire when their condition turns true (not while it stays true), so a
 * non-interrupting one fires once per change. Returns whether any fired.
 */
export function evaluateConditions(p: Processing): boolean {
  const subs = Object.values(p.state.subs ?? {}).filter((s) => s.kind === 'conditional');
  let fired = false;
  for (const sub of subs) {
    if (!p.state.subs?.[sub.id] || sub.kind !== 'conditional') continue;
    const el = p.element(sub.el);
    if (el.trigger?.kind !== 'conditional') continue;
    const holds = p.condition(el.trigger.condition, p.scopeVars(sub.owner), `condition of ${el.id}`);
    if (holds && !sub.last) {
      triggerSubscription(p, sub);
      fired = true;
    } else if (!holds && sub.last) {
      p.write({ type: 'ConditionEvaluated', id: sub.id, value: false });
    }
  }
  return fired;
}
