import { overBudget, parkAtBudget } from './behaviors/budget.ts';
import { evaluateConditions } from './behaviors/conditions.ts';
import { fireInclusiveJoin } from './behaviors/flows.ts';
import { activateElement, checkScope, completeElement, enterScope, runElement } from './behaviors/lifecycle.ts';
import type { Command, Ctx, StartInput } from './commands.ts';
import type { Effect } from './effects.ts';
import { type EngineError, engineError } from './errors.ts';
import type { EngineEvent } from './events.ts';
import { handleCommand } from './handlers/index.ts';
import type { Model } from './model/types.ts';
import { Processing, type Work } from './processing/processing.ts';
import { PROCESSORS } from './processors/index.ts';
import { copyJson } from './state/copyJson.ts';
import { emptyState } from './state/emptyState.ts';
import { type InstanceState, STATE_VERSION } from './state/types.ts';

export interface Transition {
  readonly ok: true;
  readonly state: InstanceState;
  readonly events: readonly EngineEvent[];
  readonly effects: readonly Effect[];
}
export type Rejection = { readonly ok: false; readonly error: EngineError };
export type Outcome = Transition | Rejection;

/**
 * Starts an instance. Pure: the same model, input and ctx give the same state, events
 * and effects; nothing is carried out.
 */
export function start(model: Model, input: StartInput, ctx: Ctx): Outcome {
  const processId = input.processId ?? model.main;
  const process = model.processes[processId];
  if (!process) return reject('SZ_PROCESS_NOT_FOUND', `no executable process '${processId}' in the model`);
  if (input.startEvent !== undefined && !process.starts.includes(input.startEvent)) {
    return reject('SZ_START_EVENT_NOT_FOUND', `'${input.startEvent}' is not a start event of process '${processId}'`);
  }
  if (input.startEvent === undefined && (process.scopes[processId]?.entries.length ?? 0) === 0) {
    return reject('SZ_START_EVENT_NOT_FOUND', `process '${processId}' has no none start event; start it by its message, timer or signal`);
  }
  const p = new Processing(process, emptyState(), ctx, PROCESSORS);
  const root = p.newKey();
  p.write({
    type: 'InstanceCreated',
    id: ctx.newId(),
    processId,
    root,
    vars: { ...input.variables },
    ...(input.businessKey === undefined ? {} : { businessKey: input.businessKey }),
    ...(input.parent ? { parent: input.parent } : {}),
  });
  enterScope(p, root, processId, input.startEvent);
  return drain(p);
}

/** Applies one command to an instance: the next state, what happened, and what to carry out. */
export function step(model: Model, state: InstanceState, command: Command, ctx: Ctx): Outcome {
  if (state.v !== STATE_VERSION) return reject('SZ_STATE_VERSION', `state version ${String(state.v)} is not ${STATE_VERSION}`);
  if (state.status !== 'active') return reject('SZ_INSTANCE_NOT_ACTIVE', `instance ${state.id} has ${state.status}`);
  const process = model.processes[state.processId] ?? (command.type === 'migrate' ? model.processes[model.main] : undefined);
  if (!process) return reject('SZ_PROCESS_NOT_FOUND', `the model has no process '${state.processId}'`);
  const p = new Processing(process, copyJson(state), ctx, PROCESSORS);
  const error = handleCommand(p, command);
  if (error) return { ok: false, error };
  return drain(p);
}

/**
 * Runs queued work until none is left or the instance has ended; inclusive joins and conditions
 * are looked at when idle. Past the activation budget, the work left is parked (budget.ts).
 */
function drain(p: Processing): Transition {
  for (;;) {
    for (let work = p.dequeue(); work && p.state.status === 'active'; work = p.dequeue()) {
      if (work.op === 'activate' && overBudget(p, work)) {
        parkAtBudget(p, work);
        return done(p);
      }
      run(p, work);
    }
    if (p.state.status !== 'active') break;
    let more = false;
    for (const id of p.pendingInclusive) {
      p.pendingInclusive.delete(id);
      const slash = id.indexOf('/');
      if (fireInclusiveJoin(p, id.slice(0, slash), id.slice(slash + 1))) more = true;
    }
    if (!more && p.varsChanged) {
      p.varsChanged = false;
      more = evaluateConditions(p);
    }
    if (!more) break;
  }
  return done(p);
}

function done(p: Processing): Transition {
  return { ok: true, state: p.state, events: p.events, effects: p.effects };
}

function run(p: Processing, work: Work): void {
  switch (work.op) {
    case 'activate':
      return activateElement(p, work);
    case 'run':
      return runElement(p, work.key, work.from);
    case 'complete':
      return completeElement(p, work);
    case 'scopeCheck':
      return checkScope(p, work.key);
  }
}

function reject(code: EngineError['code'], message: string): Rejection {
  return { ok: false, error: engineError(code, message) };
}
