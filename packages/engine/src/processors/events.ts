import { cancelTransaction, startCompensation } from '../behaviors/compensation.ts';
import { openSubscription } from '../behaviors/subscriptions.ts';
import { terminateChildren } from '../behaviors/termination.ts';
import { catchSignal, throwError, throwEvent } from '../behaviors/triggers.ts';
import type { ElementModel } from '../model/types.ts';
import type { ElementProcessor, Processing } from '../processing/processing.ts';
import type { ElementInstance } from '../state/types.ts';
import { passThrough } from './processor.ts';

/** Catch events wait on their subscription, unless a gateway or a condition already triggered them. */
export const intermediateCatchEvent: ElementProcessor = {
  run(p, ei, el, work) {
    const kind = el.trigger?.kind;
    if (work?.triggered || kind === 'link' || kind === 'none' || kind === undefined) return passThrough.run(p, ei, el, work);
    if (openSubscription(p, ei.k, el)) p.enqueue({ op: 'complete', key: ei.k });
  },
};

/** Throws what the event names, then moves on (end events end their path). */
function throwing(p: Processing, ei: ElementInstance, el: ElementModel): void {
  const t = el.trigger;
  const vars = () => p.scopeVars(ei.k);
  const instance = p.state.id;
  switch (t?.kind) {
    case 'error':
      return throwError(p, ei.k, t.code ?? '', `error end event ${el.id}`);
    case 'escalation':
      // An interrupting catcher ends this event too; completing it is then a no-op.
      throwEvent(p, ei.k, { kind: 'escalation', code: t.code ?? '' });
      break;
    case 'signal':
      // Other instances hear it through the host; this one at once, so a catcher on the
      // sub-process around the throw, or an event sub-process, still finds its scope there.
      p.effect({ type: 'BroadcastSignal', instance, name: t.name, variables: vars() });
      catchSignal(p, t.name);
      break;
    case 'message': {
      const v = vars();
      const name = String(p.expr(t.name, v, `message name of ${el.id}`));
      const key = t.correlationKey ? p.expr(t.correlationKey, v, `correlation key of ${el.id}`) : undefined;
      p.effect({
        type: 'PublishMessage',
        instance,
        name,
        variables: v,
        ...(key === undefined || key === null ? {} : { correlationKey: String(key) }),
      });
      break;
    }
    case 'compensate':
      if (startCompensation(p, ei.k, ei.p as string, t.activityRef) && t.waitForCompletion) return;
      break;
    case 'cancel':
      // The transaction's completed work is compensated first; then the transaction ends by its cancel boundary.
      if (startCompensation(p, ei.k, ei.p as string)) return;
      return cancelTransaction(p, ei.k);
    case 'terminate':
      terminateChildren(p, ei.p as string, ei.k);
      break;
    default:
      break;
  }
  p.enqueue({ op: 'complete', key: ei.k });
}

export const intermediateThrowEvent: ElementProcessor = { run: (p, ei, el) => throwing(p, ei, el) };
export const endEvent: ElementProcessor = { run: (p, ei, el) => throwing(p, ei, el) };
export const startEvent: ElementProcessor = passThrough;
export const boundaryEvent: ElementProcessor = passThrough;
