import { endInstance } from '../behaviors/endInstance.ts';
import { raiseIncident, requeueParked } from '../behaviors/incidents.ts';
import type { Command } from '../commands.ts';
import { type EngineError, engineError } from '../errors.ts';
import { DEFAULT_RETRIES } from '../model/defaults.ts';
import type { Processing } from '../processing/processing.ts';
import { invalidVariables } from './guards.ts';

type C<T extends Command['type']> = Extract<Command, { type: T }>;

export function setVariables(p: Processing, c: C<'setVariables'>): EngineError | undefined {
  const bad =
    invalidVariables(c.variables) ??
    (c.variables === undefined ? engineError('SZ_VARIABLES_INVALID', 'variables are required') : undefined);
  if (bad) return bad;
  const key = c.key ?? p.state.root;
  if (!p.instance(key)) return engineError('SZ_ELEMENT_NOT_FOUND', `instance ${p.state.id} has no element instance ${key}`);
  p.write({ type: 'VariablesSet', key, vars: c.variables });
  return undefined;
}

export function cancel(p: Processing, c: C<'cancel'>): EngineError | undefined {
  endInstance(p, 'cancelled', c.reason);
  return undefined;
}

export function withdraw(p: Processing, c: C<'withdraw'>): EngineError | undefined {
  endInstance(p, 'withdrawn', c.reason);
  return undefined;
}

export function resolveIncident(p: Processing, c: C<'resolveIncident'>): EngineError | undefined {
  const incident = p.state.incidents?.[c.incident];
  if (!incident) return engineError('SZ_INCIDENT_NOT_FOUND', `instance ${p.state.id} has no open incident ${c.incident}`);
  p.write({ type: 'IncidentResolved', id: incident.id });
  p.effect({ type: 'IncidentResolved', instance: p.state.id, incident: incident.id, retry: incident.retry });
  if (incident.retry === 'host') return undefined;
  if (incident.retry === 'parked') requeueParked(p, incident);
  else if (incident.retry === 'activate') p.enqueue({ op: 'run', key: incident.key });
  else if (incident.retry === 'complete') p.enqueue({ op: 'complete', key: incident.key });
  else {
    const retries = p.model.elements[incident.el]?.retries ?? DEFAULT_RETRIES;
    p.write({ type: 'JobFailed', key: incident.key, retries, message: 'incident resolved' });
    const ei = p.instance(incident.key);
    if (ei) p.enqueue({ op: 'run', key: ei.k });
  }
  return undefined;
}

/**
 * Moves a running instance onto the model given to `step` (a newer version), renaming
 * element ids by the mapping; ids not in the mapping keep their name. Every active element
 * and subscription must exist in the target, else the command is rejected and nothing changes.
 */
export function migrate(p: Processing, c: C<'migrate'>): EngineError | undefined {
  const els: Record<string, string> = {};
  const subs: Record<string, string> = {};
  for (const ei of Object.values(p.state.els)) {
    if (ei.k === p.state.root) continue;
    const to = c.mapping[ei.e] ?? ei.e;
    const problem = mismatch(p, ei.e, to);
    if (problem) return problem;
    if (to !== ei.e) els[ei.k] = to;
  }
  for (const sub of Object.values(p.state.subs ?? {})) {
    const to = c.mapping[sub.el] ?? sub.el;
    if (!p.model.elements[to])
      return engineError('SZ_MIGRATION_INVALID', `event ${sub.el} has no counterpart '${to}' in the target model`, sub.el);
    if (to !== sub.el) subs[sub.id] = to;
  }
  const root = p.instance(p.state.root);
  if (root) els[root.k] = p.model.id;
  p.write({ type: 'InstanceMigrated', processId: p.model.id, els, subs });
  return undefined;
}

function mismatch(p: Processing, from: string, to: string): EngineError | undefined {
  const target = p.model.elements[to];
  if (!target) return engineError('SZ_MIGRATION_INVALID', `active element ${from} has no counterpart '${to}' in the target model`, from);
  return undefined;
}

export function raiseHostIncident(p: Processing, c: C<'raiseIncident'>): EngineError | undefined {
  const key = c.key ?? p.state.root;
  if (!p.instance(key)) return engineError('SZ_ELEMENT_NOT_FOUND', `instance ${p.state.id} has no element instance ${key}`);
  raiseIncident(p, key, 'SZ_HOST_WORK_FAILED', c.message, 'host');
  return undefined;
}
