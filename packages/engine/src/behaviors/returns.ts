import type { ProcessModel } from '../model/types.ts';
import type { Processing } from '../processing/processing.ts';
import type { InstanceState } from '../state/types.ts';
import { childrenOf, terminate } from './termination.ts';

/** Where a task goes back to: the scope the target runs in, and every element the target leads to there. */
export interface ReturnPlan {
  readonly scope: string;
  readonly reach: ReadonlySet<string>;
}

/**
 * 退回, as Flowable's jump does it: a task goes back to an earlier user step of its scope, or of
 * a scope around it, from which its own step is reached. That step runs again, and everything
 * it leads to in that scope is withdrawn first: the task itself (or the sub-process or
 * countersign around it), the other parallel branches the step leads to, and the tokens those
 * left waiting at joins. Branches the step does not lead to carry on. A string names why the
 * task cannot go back there.
 */
export function planReturn(model: ProcessModel, state: InstanceState, key: string, to: string): ReturnPlan | string {
  const target = model.elements[to];
  if (target?.kind !== 'userTask') return `'${to}' is not a user step of process ${model.id}`;
  let holder = state.els[key];
  while (holder?.p !== undefined) {
    const parent = state.els[holder.p];
    if (!parent) break;
    const scopeId = parent.k === state.root ? model.id : parent.e;
    if (scopeId === target.scope) {
      const reach = leadsTo(model, to);
      if (!reach.has(holder.e)) return `${to} does not lead to ${state.els[key]?.e ?? key}: a task goes back only to a step before it`;
      return { scope: parent.k, reach };
    }
    holder = parent;
  }
  return `${to} is neither in the scope of this task nor in one around it`;
}

/** Carries out a plan: the record of it, the withdrawals, the joins' stale tokens, then the step again. */
export function returnTo(p: Processing, plan: ReturnPlan, c: { key: string; to: string; assignee?: string; reason?: string }): void {
  p.write({ type: 'TaskReturned', key: c.key, to: c.to, ...(c.reason === undefined ? {} : { reason: c.reason }) });
  for (const child of childrenOf(p, plan.scope)) if (plan.reach.has(child.e)) terminate(p, child.k);
  for (const [id, arrived] of Object.entries(p.state.joins ?? {})) {
    const gateway = id.slice(id.indexOf('/') + 1);
    if (id !== `${plan.scope}/${gateway}` || !plan.reach.has(gateway)) continue;
    const stale = Object.keys(arrived).filter((flow) => plan.reach.has(p.model.flows[flow]?.source ?? ''));
    if (stale.length > 0)
      p.write({ type: 'JoinFired', scope: plan.scope, gateway, consumed: Object.fromEntries(stale.map((f) => [f, arrived[f] ?? 0])) });
  }
  p.enqueue({
    op: 'activate',
    el: c.to,
    parent: plan.scope,
    returned: true,
    ...(c.assignee === undefined ? {} : { assignee: c.assignee }),
  });
}

/** The element and every element its flows (and its boundary events, and link events) lead to, in its scope. */
function leadsTo(model: ProcessModel, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length > 0) {
    const id = todo.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const el = model.elements[id];
    if (!el) continue;
    for (const flow of el.outgoing) {
      const next = model.flows[flow]?.target;
      if (next) todo.push(next);
    }
    todo.push(...(el.boundaries ?? []));
    const link = model.linkTargets[id];
    if (link) todo.push(link);
  }
  return seen;
}
