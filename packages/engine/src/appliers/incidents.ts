import type { EventOf } from '../events.ts';
import type { InstanceState } from '../state/types.ts';
import { bumpKey } from './bumpKey.ts';

export function incidentRaised(state: InstanceState, e: EventOf<'IncidentRaised'>): void {
  state.incidents ??= {};
  state.incidents[e.incident.id] = { ...e.incident };
  bumpKey(state, e.incident.id);
  const el = state.els[e.incident.key];
  if (el) el.incident = e.incident.id;
}

export function incidentResolved(state: InstanceState, e: EventOf<'IncidentResolved'>): void {
  const incident = state.incidents?.[e.id];
  if (!incident || !state.incidents) return;
  delete state.incidents[e.id];
  if (Object.keys(state.incidents).length === 0) delete state.incidents;
  const el = state.els[incident.key];
  if (el) delete el.incident;
}
