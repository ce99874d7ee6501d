import type { Processing } from '../processing/processing.ts';
import type { InstanceState } from '../state/types.ts';
import { closeSubscriptionsOf } from './subscriptions.ts';
import { terminateChildren } from './termination.ts';

/** Ends the instance; a reason (why it was cancelled or withdrawn) goes into its audit trail with the end. */
export function endInstance(p: Processing, status: Exclude<InstanceState['status'], 'active'>, reason?: string): void {
  if (p.state.status !== 'active') return;
  // The root element instance stays, so an ended instance still shows its final variables.
  const root = p.state.root;
  terminateChildren(p, root);
  closeSubscriptionsOf(p, root);
  // An incident on the instance itself (the host's) ends with it, cleared as a terminated
  // element's is: an event, and no effect, so the failed work is not run again.
  const incident = p.instance(root)?.incident;
  if (incident) p.write({ type: 'IncidentResolved', id: incident });
  const variables = { ...p.instance(root)?.vars };
  p.write({ type: 'InstanceEnded', status, ...(reason === undefined ? {} : { reason }) });
  p.effect({
    type: 'InstanceEnded',
    instance: p.state.id,
    status,
    variables,
    ...(p.state.parent ? { parent: p.state.parent } : {}),
    ...(p.errorToParent ? { error: p.errorToParent } : {}),
  });
}
