import type { ElementModel } from '../model/types.ts';
import { IncidentSignal, type Processing } from '../processing/processing.ts';
import type { Subscription, Vars } from '../state/types.ts';
import { planTimer } from '../timerPlan.ts';
import { firstDueAt, nextDueAt } from '../timers/index.ts';

/**
 * Opens what a catching event waits for, owned by `owner` (the catch event itself, the
 * activity of a boundary event, the scope of an event sub-process, or an event-based gateway).
 * Returns true when a conditional event's condition already holds: the caller triggers it.
 */
export function openSubscription(p: Processing, owner: string, el: ElementModel): boolean {
  const trigger = el.trigger;
  if (!trigger) return false;
  const vars = p.scopeVars(owner);
  const instance = p.state.id;
  switch (trigger.kind) {
    case 'timer': {
      const parsed = planTimer(trigger, vars, p.feelEnv);
      if (!parsed.ok) throw new IncidentSignal('SZ_TIMER_INVALID', `timer of ${el.id}: ${parsed.message}`);
      const dueAt = firstDueAt(parsed.plan, p.ctx.now, p.ctx.calendar);
      if (dueAt === null) return false;
      const id = p.newKey();
      p.write({ type: 'SubscriptionOpened', sub: { kind: 'timer', id, owner, el: el.id, dueAt, plan: parsed.plan, fired: 0 } });
      p.effect({ type: 'ScheduleTimer', instance, sub: id, el: el.id, dueAt });
      return false;
    }
    case 'message': {
      const name = String(p.expr(trigger.name, vars, `message name of ${el.id}`));
      const key = trigger.correlationKey ? p.expr(trigger.correlationKey, vars, `correlation key of ${el.id}`) : undefined;
      const id = p.newKey();
      const sub: Subscription = { kind: 'message', id, owner, el: el.id, name };
      if (key !== undefined && key !== null) sub.key = String(key);
      p.write({ type: 'SubscriptionOpened', sub });
      p.effect({
        type: 'Subscribe',
        instance,
        sub: id,
        kind: 'message',
        name,
        ...(sub.key === undefined ? {} : { correlationKey: sub.key }),
      });
      return false;
    }
    case 'signal': {
      const id = p.newKey();
      p.write({ type: 'SubscriptionOpened', sub: { kind: 'signal', id, owner, el: el.id, name: trigger.name } });
      p.effect({ type: 'Subscribe', instance, sub: id, kind: 'signal', name: trigger.name });
      return false;
    }
    case 'conditional': {
      const holds = p.condition(trigger.condition, vars, `condition of ${el.id}`);
      // An intermediate conditional event whose condition already holds passes at once.
      if (holds && el.kind === 'intermediateCatchEvent') return true;
      const id = p.newKey();
      p.write({ type: 'SubscriptionOpened', sub: { kind: 'conditional', id, owner, el: el.id, last: false } });
      return holds;
    }
    default:
      return false;
  }
}

export function subscriptionsOf(p: Processing, owner: string): Subscription[] {
  const subs = p.state.subs;
  if (!subs) return [];
  return Object.values(subs).filter((s) => s.owner === owner);
}

export function closeSubscription(p: Processing, sub: Subscription): void {
  p.write({ type: 'SubscriptionClosed', id: sub.id });
  if (sub.kind === 'timer') p.effect({ type: 'CancelTimer', instance: p.state.id, sub: sub.id });
  else if (sub.kind !== 'conditional') p.effect({ type: 'Unsubscribe', instance: p.state.id, sub: sub.id });
}

export function closeSubscriptionsOf(p: Processing, owner: string, except?: string): void {
  for (const sub of subscriptionsOf(p, owner)) if (sub.id !== except) closeSubscription(p, sub);
}

/** Records the trigger; repeating timers and non-interrupting events keep waiting. */
export function recordTrigger(p: Processing, sub: Subscription, keepIfRepeating: boolean, variables?: Vars): void {
  let keep = keepIfRepeating;
  let nextDue: number | null = null;
  if (sub.kind === 'timer' && keep) {
    nextDue = nextDueAt(sub.plan, sub.dueAt, sub.fired + 1);
    keep = nextDue !== null;
  }
  p.write({
    type: 'SubscriptionTriggered',
    id: sub.id,
    keep,
    ...(nextDue === null ? {} : { nextDueAt: nextDue }),
    ...(variables && Object.keys(variables).length > 0 ? { variables } : {}),
  });
  if (sub.kind === 'timer' && nextDue !== null) {
    p.effect({ type: 'ScheduleTimer', instance: p.state.id, sub: sub.id, el: sub.el, dueAt: nextDue });
  } else if (!keep && (sub.kind === 'message' || sub.kind === 'signal')) {
    p.effect({ type: 'Unsubscribe', instance: p.state.id, sub: sub.id });
  }
}
