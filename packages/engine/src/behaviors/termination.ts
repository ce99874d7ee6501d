import { joinId } from '../appliers/flows.ts';
import type { Processing, Withdrawal } from '../processing/processing.ts';
import type { ElementInstance } from '../state/types.ts';
import { requeueParked } from './incidents.ts';
import { isBody } from './loopBody.ts';
import { signersOf } from './signers.ts';
import { closeSubscriptionsOf } from './subscriptions.ts';

export function childrenOf(p: Processing, key: string): ElementInstance[] {
  const out: ElementInstance[] = [];
  for (const ei of Object.values(p.state.els)) if (ei.p === key) out.push(ei);
  return out;
}

/** Terminates an element instance and everything inside it, releasing what each holds; `why` goes with its tasks. */
export function terminate(p: Processing, key: string, why: Withdrawal = 'terminated'): void {
  for (const child of childrenOf(p, key)) terminate(p, child.k, why);
  for (const signer of signersOf(p, key)) terminate(p, signer.k, why);
  const ei = p.instance(key);
  if (!ei) return;
  closeSubscriptionsOf(p, key);
  if (ei.incident) resolveWith(p, ei.incident);
  const el = p.model.elements[ei.e];
  if (el && !isBody(ei)) p.processor(el.kind).terminate?.(p, ei, el, why);
  dropJoins(p, key);
  p.write({ type: 'ElementTerminated', key });
}

export function terminateChildren(p: Processing, scope: string, except?: string): void {
  for (const child of childrenOf(p, scope)) if (child.k !== except) terminate(p, child.k);
  dropJoins(p, scope);
}

/** Tokens waiting at joins of a scope that ends go with it. */
function dropJoins(p: Processing, scope: string): void {
  const joins = p.state.joins;
  if (!joins) return;
  for (const [id, arrived] of Object.entries(joins)) {
    if (!id.startsWith(`${scope}/`)) continue;
    const gateway = id.slice(scope.length + 1);
    if (joinId(scope, gateway) === id) p.write({ type: 'JoinFired', scope, gateway, consumed: { ...arrived } });
  }
}

/** An incident goes with its element; tokens parked on it that were bound elsewhere go on. */
function resolveWith(p: Processing, id: string): void {
  const incident = p.state.incidents?.[id];
  p.write({ type: 'IncidentResolved', id });
  if (incident) requeueParked(p, incident);
}
