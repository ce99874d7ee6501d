import type { EventOf } from '../events.ts';
import { copyJson } from '../state/copyJson.ts';
import type { InstanceState } from '../state/types.ts';
import { bumpKey } from './bumpKey.ts';

export function subscriptionOpened(state: InstanceState, e: EventOf<'SubscriptionOpened'>): void {
  state.subs ??= {};
  state.subs[e.sub.id] = copyJson(e.sub);
  bumpKey(state, e.sub.id);
}

function drop(state: InstanceState, id: string): void {
  if (!state.subs) return;
  delete state.subs[id];
  if (Object.keys(state.subs).length === 0) delete state.subs;
}

export function subscriptionTriggered(state: InstanceState, e: EventOf<'SubscriptionTriggered'>): void {
  const sub = state.subs?.[e.id];
  if (!sub) return;
  if (!e.keep) return drop(state, e.id);
  if (sub.kind === 'conditional') sub.last = true;
  if (sub.kind === 'timer' && e.nextDueAt !== undefined) {
    sub.fired += 1;
    sub.dueAt = e.nextDueAt;
  }
}

export function subscriptionClosed(state: InstanceState, e: EventOf<'SubscriptionClosed'>): void {
  drop(state, e.id);
}

export function conditionEvaluated(state: InstanceState, e: EventOf<'ConditionEvaluated'>): void {
  const sub = state.subs?.[e.id];
  if (sub?.kind === 'conditional') sub.last = e.value;
}
