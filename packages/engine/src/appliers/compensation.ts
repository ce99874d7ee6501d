import type { EventOf } from '../events.ts';
import { copyJson } from '../state/copyJson.ts';
import type { InstanceState } from '../state/types.ts';

export function compensationRecorded(state: InstanceState, e: EventOf<'CompensationRecorded'>): void {
  state.comp ??= [];
  state.comp.push(copyJson(e.record));
}

export function compensationStarted(state: InstanceState, e: EventOf<'CompensationStarted'>): void {
  if (!state.comp) return;
  const done = new Set(e.records.map((r) => `${r.scope}/${r.el}`));
  state.comp = state.comp.filter((r) => !done.has(`${r.scope}/${r.el}`));
  if (state.comp.length === 0) delete state.comp;
}
