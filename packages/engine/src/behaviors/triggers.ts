import type { ElementModel, EventTrigger } from '../model/types.ts';
import type { Processing } from '../processing/processing.ts';
import type { ElementInstance, Subscription, Vars } from '../state/types.ts';
import { endInstance } from './endInstance.ts';
import { raiseIncident } from './incidents.ts';
import { isBody } from './loopBody.ts';
import { closeSubscriptionsOf, recordTrigger } from './subscriptions.ts';
import { terminate, terminateChildren } from './termination.ts';

/** A boundary event fires: an interrupting one ends its activity first. */
export function triggerBoundary(p: Processing, activityKey: string, boundary: ElementModel, payload?: Vars): void {
  const activity = p.instance(activityKey);
  if (!activity || activity.p === undefined) return;
  const scope = activity.p;
  if (boundary.interrupting !== false) terminate(p, activityKey);
  p.enqueue({ op: 'activate', el: boundary.id, parent: scope, ...(payload ? { payload } : {}) });
}

/** An event sub-process starts in `scope`: an interrupting one ends everything else there first. */
export function triggerEventSubProcess(p: Processing, scope: string, start: ElementModel, payload?: Vars): void {
  if (start.interrupting !== false) {
    terminateChildren(p, scope);
    closeSubscriptionsOf(p, scope);
  }
  p.enqueue({ op: 'activate', el: start.scope, parent: scope, start: start.id, ...(payload ? { payload } : {}) });
}

/** A timer, message, signal or condition arrived for a subscription. */
export function triggerSubscription(p: Processing, sub: Subscription, payload?: Vars): void {
  const el = p.element(sub.el);
  const owner = p.instance(sub.owner);
  if (!owner) return;
  const repeats = el.interrupting === false && (el.kind === 'boundaryEvent' || el.kind === 'startEvent');
  recordTrigger(p, sub, repeats, payload);
  if (el.kind === 'boundaryEvent') return triggerBoundary(p, sub.owner, el, payload);
  if (el.kind === 'startEvent') return triggerEventSubProcess(p, sub.owner, el, payload);
  const ownerEl = p.model.elements[owner.e];
  if (ownerEl?.kind === 'eventBasedGateway') return passEventBasedGateway(p, owner, ownerEl, el, sub.id, payload);
  p.enqueue({ op: 'complete', key: sub.owner, ...(payload ? { vars: payload } : {}) });
}

function passEventBasedGateway(
  p: Processing,
  gateway: ElementInstance,
  gatewayEl: ElementModel,
  target: ElementModel,
  fired: string,
  payload?: Vars,
): void {
  const scope = gateway.p ?? p.state.root;
  closeSubscriptionsOf(p, gateway.k, fired);
  p.write({ type: 'ElementCompleted', key: gateway.k });
  const flow = gatewayEl.outgoing.find((f) => p.model.flows[f]?.target === target.id);
  if (flow) p.write({ type: 'FlowTaken', flow, scope });
  p.enqueue({
    op: 'activate',
    el: target.id,
    parent: scope,
    triggered: true,
    ...(payload ? { payload } : {}),
  });
}

/**
 * A signal reaches every subscription of this instance waiting for it when it comes, at once
 * (a boundary event, an event sub-process, a catch event); one that a catcher ended meanwhile
 * is passed over. Returns whether any waited.
 */
export function catchSignal(p: Processing, name: string, payload?: Vars): boolean {
  const subs = Object.values(p.state.subs ?? {}).filter((s) => s.kind === 'signal' && s.name === name);
  for (const sub of subs) if (p.state.subs?.[sub.id]) triggerSubscription(p, sub, payload);
  return subs.length > 0;
}

type Thrown = { kind: 'error' | 'escalation'; code: string; message?: string };

/**
 * Finds who catches a BPMN error or escalation thrown at `from`, innermost scope first; in
 * each scope its event sub-processes take precedence over the boundary events on it.
 * Returns whether something caught it and whether that interrupted.
 */
export function throwEvent(p: Processing, from: string, thrown: Thrown): { caught: boolean; interrupting: boolean } {
  let cur = p.instance(from);
  while (cur) {
    const el = p.model.elements[cur.e];
    const isScope = cur.k === p.state.root || el?.kind === 'subProcess' || el?.kind === 'transaction';
    if (isScope && !isBody(cur)) {
      const start = findCatcher(p, eventStartsOf(p, cur), thrown);
      if (start) {
        const payload = thrownVars(start.trigger, thrown);
        triggerEventSubProcess(p, cur.k, start, payload);
        return { caught: true, interrupting: start.interrupting !== false };
      }
    }
    const parent = cur.p === undefined ? undefined : p.instance(cur.p);
    const insideBody = parent !== undefined && isBody(parent);
    if (el?.boundaries && !insideBody) {
      const boundary = findCatcher(p, el.boundaries, thrown);
      if (boundary) {
        triggerBoundary(p, cur.k, boundary, thrownVars(boundary.trigger, thrown));
        return { caught: true, interrupting: boundary.interrupting !== false };
      }
    }
    cur = cur.p === undefined ? undefined : p.instance(cur.p);
  }
  return { caught: false, interrupting: false };
}

function eventStartsOf(p: Processing, scope: ElementInstance): readonly string[] {
  const id = scope.k === p.state.root ? p.model.id : scope.e;
  return p.model.scopes[id]?.eventStarts ?? [];
}

/** A catcher naming the code wins over one that catches every code. */
function findCatcher(p: Processing, ids: readonly string[], thrown: Thrown): ElementModel | undefined {
  let catchAll: ElementModel | undefined;
  for (const id of ids) {
    const el = p.element(id);
    const t = el.trigger;
    if (!t || t.kind !== thrown.kind) continue;
    if (t.code === thrown.code) return el;
    if (t.code === undefined) catchAll ??= el;
  }
  return catchAll;
}

function thrownVars(trigger: EventTrigger | undefined, thrown: Thrown): Vars | undefined {
  if (!trigger || (trigger.kind !== 'error' && trigger.kind !== 'escalation')) return undefined;
  const vars: Vars = {};
  if (trigger.codeVariable) vars[trigger.codeVariable] = thrown.code;
  if (trigger.kind === 'error' && trigger.messageVariable) vars[trigger.messageVariable] = thrown.message ?? null;
  return Object.keys(vars).length > 0 ? vars : undefined;
}

/** An error nothing catches: a called instance hands it to its caller, otherwise an incident. */
export function throwError(p: Processing, from: string, code: string, message: string): void {
  if (throwEvent(p, from, { kind: 'error', code, message }).caught) return;
  if (p.state.parent) {
    p.errorToParent = { code, message };
    return endInstance(p, 'terminated');
  }
  raiseIncident(
    p,
    from,
    'SZ_UNHANDLED_ERROR',
    `error '${code}' thrown at ${p.instance(from)?.e ?? from} is not caught: ${message}`,
    'activate',
  );
}
