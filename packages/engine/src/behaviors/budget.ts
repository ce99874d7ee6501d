import type { Activate, Processing, Work } from '../processing/processing.ts';
import { raiseIncident } from './incidents.ts';
import { newElementInstance } from './lifecycle.ts';

/** Whether activating this token would go past the command's activation budget. */
export function overBudget(p: Processing, work: Activate): boolean {
  return p.activations >= p.limits.activations && p.instance(work.parent) !== undefined;
}

/**
 * The activation budget is spent: the transition stops where it stands. The token about to
 * be activated becomes an element instance that has not run, and everything still queued is
 * parked on one SZ_LOOP_LIMIT incident there, naming the loop. Resolving the incident (after
 * a migration, or with new variables) goes on from that point with a fresh budget.
 */
export function parkAtBudget(p: Processing, work: Activate): void {
  const { key, queued } = newElementInstance(p, work);
  const parked: Work[] = queued ? p.takeQueue() : [{ op: 'run', key, from: work }, ...p.takeQueue()];
  raiseIncident(p, key, 'SZ_LOOP_LIMIT', loopMessage(p, work.el), 'parked', parked);
}

/** The elements this transition activated most, with how often: the loop that ran away. */
function loopMessage(p: Processing, at: string): string {
  const counts = new Map<string, number>();
  for (const e of p.events) if (e.type === 'ElementActivated') counts.set(e.el.e, (counts.get(e.el.e) ?? 0) + 1);
  const all = [...counts].sort((a, b) => b[1] - a[1]);
  const repeated = all.filter(([, n]) => n > 1);
  const loop = (repeated.length > 0 ? repeated : all)
    .slice(0, 8)
    .map(([id, n]) => `${id} (${n}x)`)
    .join(', ');
  return (
    `one command activated ${p.activations} elements without reaching a wait state, the limit; it loops through ${loop}. ` +
    `The token waits at ${at}: change the model (migrate) or the variables, then resolve this incident to go on`
  );
}
