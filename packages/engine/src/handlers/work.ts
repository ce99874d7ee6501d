import { raiseIncident } from '../behaviors/incidents.ts';
import { isBody } from '../behaviors/loopBody.ts';
import { beginRounds } from '../behaviors/multiInstance.ts';
import { planReturn, returnTo } from '../behaviors/returns.ts';
import { throwError } from '../behaviors/triggers.ts';
import type { Command } from '../commands.ts';
import { type EngineError, engineError } from '../errors.ts';
import type { Processing } from '../processing/processing.ts';
import { invalidVariables, openTask, payload } from './guards.ts';

type C<T extends Command['type']> = Extract<Command, { type: T }>;

export function completeUserTask(p: Processing, c: C<'completeUserTask'>): EngineError | undefined {
  if (!openTask(p, c.key)) return engineError('SZ_TASK_NOT_FOUND', `instance ${p.state.id} has no open user task ${c.key}`);
  const bad = invalidVariables(c.variables);
  if (bad) return bad;
  p.effect({ type: 'CloseUserTask', instance: p.state.id, key: c.key, reason: 'completed' });
  p.enqueue({ op: 'complete', key: c.key, ...payload(c.variables), ...(c.vetoes ? { vetoes: true } : {}) });
  return undefined;
}

function job(p: Processing, key: string) {
  const ei = p.instance(key);
  return ei && ei.retries !== undefined && !isBody(ei) && !ei.incident ? ei : undefined;
}

export function completeJob(p: Processing, c: C<'completeJob'>): EngineError | undefined {
  if (!job(p, c.key)) return engineError('SZ_JOB_NOT_FOUND', `instance ${p.state.id} has no waiting job ${c.key}`);
  const bad = invalidVariables(c.variables);
  if (bad) return bad;
  p.enqueue({ op: 'complete', key: c.key, ...payload(c.variables) });
  return undefined;
}

/** A failure with an error code is a BPMN error; otherwise retries count down to an incident. */
export function failJob(p: Processing, c: C<'failJob'>): EngineError | undefined {
  const ei = job(p, c.key);
  if (!ei) return engineError('SZ_JOB_NOT_FOUND', `instance ${p.state.id} has no waiting job ${c.key}`);
  if (c.variables) p.write({ type: 'VariablesSet', key: c.key, vars: c.variables });
  if (c.errorCode !== undefined) {
    throwError(p, c.key, c.errorCode, c.message);
    return undefined;
  }
  const retries = Math.max(0, Math.floor(c.retries));
  p.write({ type: 'JobFailed', key: c.key, retries, message: c.message });
  if (retries > 0) p.effect({ type: 'RetryJob', instance: p.state.id, key: c.key, retries });
  else raiseIncident(p, c.key, 'SZ_JOB_FAILED', `job of ${ei.e} failed: ${c.message}`, 'job');
  return undefined;
}

export function calledInstanceEnded(p: Processing, c: C<'calledInstanceEnded'>): EngineError | undefined {
  const ei = p.instance(c.key);
  if (!ei || ei.called === undefined) return engineError('SZ_ELEMENT_NOT_FOUND', `instance ${p.state.id} has no call activity ${c.key}`);
  const el = p.model.elements[ei.e];
  if (c.error) {
    throwError(p, c.key, c.error.code, c.error.message);
  } else if (c.status === 'completed') {
    // Output mappings read the child's variables; without them only propagate-all hands them out.
    const vars = el?.calledElement?.propagateAllChildVariables === false && !el.outputs ? undefined : c.variables;
    p.enqueue({ op: 'complete', key: c.key, ...payload(vars) });
  } else {
    raiseIncident(p, c.key, 'SZ_CALL_FAILED', c.why ?? `the instance called by ${ei.e} was ${c.status}`, 'activate');
  }
  return undefined;
}

/** A change of who holds the task is an event like any other, so it is in the audit trail. */
export function updateUserTask(p: Processing, c: C<'updateUserTask'>): EngineError | undefined {
  const ei = openTask(p, c.key);
  if (!ei?.task) return engineError('SZ_TASK_NOT_FOUND', `instance ${p.state.id} has no open user task ${c.key}`);
  const task = { ...ei.task };
  if (c.assignee === null) delete task.assignee;
  else if (c.assignee !== undefined) task.assignee = c.assignee;
  if (c.owner === null) delete task.owner;
  else if (c.owner !== undefined) task.owner = c.owner;
  if (c.candidateUsers) task.candidateUsers = [...c.candidateUsers];
  if (c.candidateGroups) task.candidateGroups = [...c.candidateGroups];
  p.write({ type: 'UserTaskUpdated', key: c.key, task });
  p.effect({ type: 'UpdateUserTask', instance: p.state.id, key: c.key, ...task });
  return undefined;
}

/** 退回: the open task goes back to an earlier user step; a step it cannot go back to is refused, naming it. */
export function returnTask(p: Processing, c: C<'returnTask'>): EngineError | undefined {
  if (!openTask(p, c.key)) return engineError('SZ_TASK_NOT_FOUND', `instance ${p.state.id} has no open user task ${c.key}`);
  const plan = planReturn(p.model, p.state, c.key, c.to);
  if (typeof plan === 'string') return engineError('SZ_RETURN_INVALID', plan, c.to);
  returnTo(p, plan, c);
  return undefined;
}

/** The host named who holds an approval's role: each gets a task; nobody leaves the step on an incident to resolve once someone does. */
export function membersResolved(p: Processing, c: C<'membersResolved'>): EngineError | undefined {
  const body = p.instance(c.key);
  const loop = body && p.model.elements[body.e]?.loop;
  if (!body?.mi || loop?.membersOf === undefined || body.mi.total > 0 || body.mi.completed > 0 || body.incident) {
    return engineError('SZ_ELEMENT_NOT_FOUND', `instance ${p.state.id} has no approval waiting for its members at ${c.key}`);
  }
  const members = [...new Set(c.members)];
  if (members.length === 0) {
    const message = `${body.e}: nobody holds ${loop.membersOf} for this instance's unit; grant the role, then resolve this incident`;
    raiseIncident(p, body.k, 'SZ_LOOP_INVALID', message, 'activate');
    return undefined;
  }
  beginRounds(p, body, p.element(body.e), members.length, members);
  return undefined;
}
