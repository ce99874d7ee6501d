import type { EngineErrorCode } from '../errors.ts';
import type { Processing } from '../processing/processing.ts';
import type { Incident } from '../state/types.ts';

/** The token stops where it failed; resolving the incident retries that step. */
export function raiseIncident(p: Processing, key: string, code: EngineErrorCode, message: string, retry: Incident['retry']): void {
  const ei = p.instance(key);
  if (!ei) return;
  const incident: Incident = { id: p.newKey(), key, el: ei.e, code, message, retry };
  p.write({ type: 'IncidentRaised', incident });
  p.effect({ type: 'IncidentRaised', instance: p.state.id, incident: incident.id, el: ei.e, code, message });
}
