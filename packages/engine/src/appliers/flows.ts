import type { EventOf } from '../events.ts';
import type { InstanceState } from '../state/types.ts';

export function joinId(scope: string, gateway: string): string {
  return `${scope}/${gateway}`;
}

export function flowTaken(state: InstanceState, e: EventOf<'FlowTaken'>): void {
  if (e.join === undefined) return;
  state.joins ??= {};
  const id = joinId(e.scope, e.join);
  const arrived = state.joins[id] ?? {};
  state.joins[id] = arrived;
  arrived[e.flow] = (arrived[e.flow] ?? 0) + 1;
}

export function joinFired(state: InstanceState, e: EventOf<'JoinFired'>): void {
  const id = joinId(e.scope, e.gateway);
  const arrived = state.joins?.[id];
  if (!arrived || !state.joins) return;
  for (const [flow, n] of Object.entries(e.consumed)) {
    const left = (arrived[flow] ?? 0) - n;
    if (left > 0) arrived[flow] = left;
    else delete arrived[flow];
  }
  if (Object.keys(arrived).length === 0) delete state.joins[id];
  if (Object.keys(state.joins).length === 0) delete state.joins;
}
