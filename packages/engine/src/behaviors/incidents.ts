import type { EngineErrorCode } from '../errors.ts';
import type { Processing } from '../processing/processing.ts';
import type { Incident, Work } from '../state/types.ts';

/** The token stops where it failed; resolving the incident retries that step (or goes on with the parked work). */
export function raiseIncident(
  p: Processing,
  key: string,
  code: EngineErrorCode,
  message: string,
  retry: Incident['retry'],
  parked?: Work[],
): void {
  const ei = p.instance(key);
  if (!ei) return;
  const incident: Incident = { id: p.newKey(), key, el: ei.e, code, message, retry, ...(parked ? { parked } : {}) };
  p.write({ type: 'IncidentRaised', incident });
  p.effect({ type: 'IncidentRaised', instance: p.state.id, incident: incident.id, el: ei.e, code, message });
}

/**
 * Work parked on an incident that goes (resolved, or its element terminated) is queued again;
 * what was bound for a scope that has ended meanwhile finds no scope and drops out.
 */
export function requeueParked(p: Processing, incident: Incident): void {
  if (!incident.parked) return;
  for (const work of incident.parked) p.enqueue(work);
  // Inclusive joins and conditions waiting to be looked at when the budget ran out are looked at again.
  for (const id of Object.keys(p.state.joins ?? {})) {
    const gateway = id.slice(id.indexOf('/') + 1);
    if (p.model.elements[gateway]?.kind === 'inclusiveGateway') p.pendingInclusive.add(id);
  }
  p.varsChanged = true;
}
