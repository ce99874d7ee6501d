import { DEFAULT_RETRIES } from '../model/defaults.ts';
import type { ElementModel } from '../model/types.ts';
import { type Activate, IncidentSignal, type Processing, type Work } from '../processing/processing.ts';
import type { ElementInstance, Vars } from '../state/types.ts';
import { handlerDone, recordCompensation } from './compensation.ts';
import { endInstance } from './endInstance.ts';
import { selectFlows, takeFlow } from './flows.ts';
import { raiseIncident } from './incidents.ts';
import { activateBody, hasLoopBody, isBody, isInnerInstance } from './loopBody.ts';
import { innerCompleted, multiInstanceOutputs } from './multiInstance.ts';
import { postNotice } from './notices.ts';
import { awaitsSigners, callNextSigner } from './signers.ts';
import { roundCompleted } from './standardLoop.ts';
import { closeSubscriptionsOf, openSubscription, subscriptionsOf } from './subscriptions.ts';
import { childrenOf } from './termination.ts';
import { triggerSubscription } from './triggers.ts';
import { evaluateMappings, propagate, setLocal } from './variables.ts';

export function activateElement(p: Processing, work: Activate): void {
  if (!p.instance(work.parent)) return;
  p.activations++;
  const { key, queued } = newElementInstance(p, work);
  if (!queued) runElement(p, key, work);
}

/** The element instance a token becomes, written but not run yet; a multi-instance body has queued its own run. */
export function newElementInstance(p: Processing, work: Activate): { key: string; queued: boolean } {
  const el = p.element(work.el);
  if (hasLoopBody(el) && !isInnerInstance(p, work.parent, el.id)) return { key: activateBody(p, el, work.parent), queued: true };
  const ei: ElementInstance = { k: p.newKey(), e: el.id, p: work.parent };
  if (work.vars) ei.vars = { ...work.vars };
  if (work.compensating) ei.for = work.compensating;
  if (el.kind === 'callActivity') ei.called = p.ctx.newId();
  if (el.jobType) ei.retries = el.retries ?? DEFAULT_RETRIES;
  p.write({ type: 'ElementActivated', el: ei });
  return { key: ei.k, queued: false };
}

/** The element's own work after activation; also what a resolved activation incident retries. */
export function runElement(p: Processing, key: string, work?: Activate): void {
  const ei = p.instance(key);
  if (!ei) return;
  const el = p.element(ei.e);
  try {
    const body = isBody(ei);
    if (el.inputs && !body) setLocal(p, key, evaluateMappings(p, el.inputs, p.scopeVars(key), el.id));
    if (body) return runBody(p, ei, el);
    // Boundary events of a loop activity belong to its body, not to each round.
    if (!isInnerInstance(p, ei.p ?? '', ei.e)) openBoundaries(p, key, el);
    // Any step may post to the public board (决议公开, 实施结果公开) as it starts.
    if (el.notice) postNotice(p, ei, el);
    p.processor(el.kind).run(p, ei, el, work);
  } catch (e) {
    if (!(e instanceof IncidentSignal)) throw e;
    raiseIncident(p, key, e.code, e.message, 'activate');
  }
}

function runBody(p: Processing, ei: ElementInstance, el: ElementModel): void {
  openBoundaries(p, ei.k, el);
  p.processor('loopBody').run(p, ei, el);
}

function openBoundaries(p: Processing, key: string, el: ElementModel): void {
  if (!el.boundaries) return;
  const open = new Set(subscriptionsOf(p, key).map((s) => s.el));
  for (const id of el.boundaries) {
    if (open.has(id)) continue;
    const boundary = p.element(id);
    if (openSubscription(p, key, boundary)) {
      const sub = subscriptionsOf(p, key).find((s) => s.el === id);
      if (sub) triggerSubscription(p, sub);
    }
  }
}

/** Opens the event sub-process subscriptions of a scope and starts what runs inside it. */
export function enterScope(p: Processing, key: string, scopeId: string, start?: string): void {
  const scope = p.model.scopes[scopeId];
  if (!scope) throw new Error(`scope ${scopeId} is not in process ${p.model.id}`);
  for (const id of scope.eventStarts) {
    const el = p.element(id);
    if (openSubscription(p, key, el)) {
      const sub = subscriptionsOf(p, key).find((s) => s.el === id);
      if (sub) triggerSubscription(p, sub);
      // An interrupting event sub-process that holds on entry replaces the scope's own start.
      if (el.interrupting !== false) return;
    }
  }
  const entries = start ? [start] : scope.entries;
  for (const id of entries) p.enqueue({ op: 'activate', el: id, parent: key, ...(start ? { triggered: true } : {}) });
}

export function completeElement(p: Processing, work: Extract<Work, { op: 'complete' }>): void {
  const ei = p.instance(work.key);
  if (!ei || ei.p === undefined) return;
  const el = p.element(ei.e);
  try {
    if (isInnerInstance(p, ei.p, ei.e)) {
      return el.standardLoop ? roundCompleted(p, ei, el, work.vars) : innerCompleted(p, ei, el, work.vars, work.vetoes === true);
    }
    if (ei.signsFor !== undefined) return signed(p, ei, el, work.vars);
    if (awaitsSigners(p, ei, work.vars)) return;
    const flows = work.flows ?? selectFlows(p, el, ei.p);
    leave(p, ei, el, work.vars, flows);
  } catch (e) {
    if (!(e instanceof IncidentSignal)) throw e;
    raiseIncident(p, ei.k, e.code, e.message, 'complete');
  }
}

/**
 * Output mappings, compensation record, then the element is gone and its chosen flows are
 * taken; with none, its scope may be done.
 */
export function leave(p: Processing, ei: ElementInstance, el: ElementModel, vars: Vars | undefined, flows: readonly string[]): void {
  const scope = ei.p as string;
  writeOutputs(p, ei, el, vars);
  closeSubscriptionsOf(p, ei.k);
  recordCompensation(p, ei, el);
  p.write({ type: 'ElementCompleted', key: ei.k });
  if (ei.for !== undefined) handlerDone(p, ei.for);
  if (el.kind === 'intermediateThrowEvent' && el.trigger?.kind === 'link') {
    const target = p.model.linkTargets[el.id];
    if (target) p.enqueue({ op: 'activate', el: target, parent: scope });
    return;
  }
  for (const flow of flows) takeFlow(p, flow, scope);
  if (flows.length === 0) p.enqueue({ op: 'scopeCheck', key: scope });
}

/** A signer's task completes: what they submitted is handed out, and the step may go on (signers.ts). */
function signed(p: Processing, ei: ElementInstance, el: ElementModel, vars: Vars | undefined): void {
  writeOutputs(p, ei, el, vars);
  p.write({ type: 'ElementCompleted', key: ei.k });
  callNextSigner(p, ei.signsFor as string);
}

function writeOutputs(p: Processing, ei: ElementInstance, el: ElementModel, vars: Vars | undefined): void {
  const multi = ei.mi ? multiInstanceOutputs(ei, el) : undefined;
  if (el.outputs) {
    if (vars) setLocal(p, ei.k, vars);
    const local = { ...p.scopeVars(ei.k), ...multi };
    propagate(p, evaluateMappings(p, el.outputs, local, el.id), ei.p as string);
    return;
  }
  const out = { ...vars, ...multi };
  propagate(p, out, ei.p as string);
}

/** A scope with nothing left inside completes; the process scope ends the instance. */
export function checkScope(p: Processing, key: string): void {
  const ei = p.instance(key);
  if (!ei || ei.incident || isBody(ei)) return;
  if (childrenOf(p, key).length > 0) return;
  if (p.enteringScope(key)) return;
  const joins = p.state.joins;
  if (joins && Object.keys(joins).some((id) => id.startsWith(`${key}/`))) return;
  if (key === p.state.root) return endInstance(p, 'completed');
  const el = p.model.elements[ei.e];
  if (el?.kind === 'subProcess' || el?.kind === 'transaction') p.enqueue({ op: 'complete', key });
}
