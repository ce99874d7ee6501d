import { type InstanceState, STATE_VERSION } from './types.ts';

/** The state before InstanceCreated: what replay folds an instance's events into. */
export function emptyState(): InstanceState {
  return { v: STATE_VERSION, id: '', processId: '', status: 'active', next: 1, root: '', els: {} };
}
