import { applyEvent } from './appliers/index.ts';
import type { EngineEvent } from './events.ts';
import { emptyState } from './state/emptyState.ts';
import type { InstanceState } from './state/types.ts';

/** Folds an instance's events through the appliers: the state they describe, rebuilt. */
export function replay(events: Iterable<EngineEvent>): InstanceState {
  const state = emptyState();
  for (const event of events) applyEvent(state, event);
  return state;
}
