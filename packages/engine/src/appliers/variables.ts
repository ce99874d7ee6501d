import type { EventOf } from '../events.ts';
import { copyJson } from '../state/copyJson.ts';
import type { InstanceState } from '../state/types.ts';

export function variablesSet(state: InstanceState, e: EventOf<'VariablesSet'>): void {
  const el = state.els[e.key];
  if (!el) return;
  el.vars = { ...el.vars, ...copyJson(e.vars) };
}
