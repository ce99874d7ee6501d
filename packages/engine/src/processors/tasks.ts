import { enterScope } from '../behaviors/lifecycle.ts';
import { startBody } from '../behaviors/multiInstance.ts';
import { nextRound } from '../behaviors/standardLoop.ts';
import { openSubscription } from '../behaviors/subscriptions.ts';
import { DEFAULT_RETRIES } from '../model/defaults.ts';
import { type ElementProcessor, IncidentSignal, type Processing } from '../processing/processing.ts';
import { passThrough } from './processor.ts';

/** Service, business-rule and send tasks with a job type: a worker outside does the work. */
export const jobTask: ElementProcessor = {
  run(p, ei, el, work) {
    if (!el.jobType && el.kind === 'sendTask' && el.message) return sendMessage.run(p, ei, el, work);
    if (!el.jobType) return passThrough.run(p, ei, el, work);
    const vars = p.scopeVars(ei.k);
    const jobType = String(p.expr(el.jobType, vars, `job type of ${el.id}`));
    const retries = ei.retries ?? el.retries ?? DEFAULT_RETRIES;
    p.effect({
      type: 'RunJob',
      instance: p.state.id,
      key: ei.k,
      el: el.id,
      jobType,
      retries,
      variables: vars,
      ...(el.headers ? { headers: { ...el.headers } } : {}),
    });
  },
  terminate(p, ei) {
    p.effect({ type: 'CancelJob', instance: p.state.id, key: ei.k });
  },
};

const sendMessage: ElementProcessor = {
  run(p, ei, el) {
    const vars = p.scopeVars(ei.k);
    const message = el.message as NonNullable<typeof el.message>;
    const key = message.correlationKey ? p.expr(message.correlationKey, vars, `correlation key of ${el.id}`) : undefined;
    p.effect({
      type: 'PublishMessage',
      instance: p.state.id,
      name: String(p.expr(message.name, vars, `message name of ${el.id}`)),
      variables: vars,
      ...(key === undefined || key === null ? {} : { correlationKey: String(key) }),
    });
    p.enqueue({ op: 'complete', key: ei.k });
  },
};

/** Waits for a message, like a message catch event with boundary events. */
export const receiveTask: ElementProcessor = {
  run(p, ei, el) {
    const message = el.message;
    if (!message) return p.enqueue({ op: 'complete', key: ei.k });
    openSubscription(p, ei.k, {
      ...el,
      trigger: { kind: 'message', name: message.name, ...(message.correlationKey ? { correlationKey: message.correlationKey } : {}) },
    });
  },
};

/** A FEEL script: its value lands in the result variable. */
export const scriptTask: ElementProcessor = {
  run(p, ei, el) {
    if (el.script === undefined) return p.enqueue({ op: 'complete', key: ei.k });
    const value = p.feel(el.script, p.scopeVars(ei.k), `script of ${el.id}`);
    const vars = el.resultVariable ? { [el.resultVariable]: value } : undefined;
    p.enqueue({ op: 'complete', key: ei.k, ...(vars ? { vars } : {}) });
  },
};

export const subProcess: ElementProcessor = {
  run(p, ei, el, work) {
    if (work?.payload) p.write({ type: 'VariablesSet', key: ei.k, vars: work.payload });
    enterScope(p, ei.k, el.id, work?.start);
  },
};

/** Starts the called process as an instance of its own; its end comes back as calledInstanceEnded. */
export const callActivity: ElementProcessor = {
  run(p, ei, el) {
    const call = el.calledElement;
    if (!call || !ei.called) throw new IncidentSignal('SZ_CALL_FAILED', `call activity ${el.id} names no process`);
    const depth = callDepth(p) + 1;
    if (depth > p.limits.callDepth) {
      throw new IncidentSignal(
        'SZ_CALL_DEPTH',
        `call activity ${el.id} would start a call chain ${depth} deep, past the limit of ${p.limits.callDepth}: the processes call each other without end`,
      );
    }
    const vars = p.scopeVars(ei.k);
    const processId = String(p.expr(call.processId, vars, `called process of ${el.id}`));
    const variables = call.propagateAllParentVariables ? vars : { ...ei.vars };
    p.effect({
      type: 'StartCalledInstance',
      instance: p.state.id,
      child: ei.called,
      key: ei.k,
      processId,
      binding: call.binding,
      variables,
      depth,
      root: callRoot(p),
      ...(call.versionTag ? { versionTag: call.versionTag } : {}),
    });
  },
  terminate(p, ei) {
    if (ei.called) p.effect({ type: 'CancelCalledInstance', instance: p.state.id, child: ei.called });
  },
};

/** How deep this instance stands in a chain of call activities: 0 when nothing called it. */
function callDepth(p: Processing): number {
  const parent = p.state.parent;
  return parent ? (parent.depth ?? 1) : 0;
}

/** The body of a loop activity starts its rounds: a standard loop's first, or a multi-instance's items. */
/** The instance at the top of this instance's call chain: itself when nothing called it. */
function callRoot(p: Processing): string {
  const parent = p.state.parent;
  return parent ? (parent.root ?? parent.instance) : p.state.id;
}

export const loopBody: ElementProcessor = {
  run(p, ei, el) {
    if (el.standardLoop) nextRound(p, ei, el);
    else startBody(p, ei, el);
  },
};
