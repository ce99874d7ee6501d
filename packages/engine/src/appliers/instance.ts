import type { EventOf } from '../events.ts';
import { type InstanceState, STATE_VERSION } from '../state/types.ts';
import { bumpKey } from './bumpKey.ts';

export function instanceCreated(state: InstanceState, e: EventOf<'InstanceCreated'>): void {
  state.v = STATE_VERSION;
  state.id = e.id;
  state.processId = e.processId;
  state.status = 'active';
  state.root = e.root;
  state.els = { [e.root]: { k: e.root, e: e.processId, vars: { ...e.vars } } };
  if (e.businessKey !== undefined) state.businessKey = e.businessKey;
  if (e.parent) state.parent = { ...e.parent };
  bumpKey(state, e.root);
}

export function instanceEnded(state: InstanceState, e: EventOf<'InstanceEnded'>): void {
  state.status = e.status;
}
