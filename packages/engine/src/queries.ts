import type { Model } from './model/types.ts';
import type { InstanceState, UserTaskState, Vars } from './state/types.ts';

export interface OpenTask extends UserTaskState {
  readonly key: string;
  readonly el: string;
  readonly name?: string;
}

/** The open user tasks of an instance, in key order. */
export function openTasks(model: Model, state: InstanceState): OpenTask[] {
  const process = model.processes[state.processId];
  const out: OpenTask[] = [];
  for (const ei of Object.values(state.els)) {
    // A holder's completion held for signers (加签) is no longer anyone's to do.
    if (!ei.task || ei.signing?.held) continue;
    const name = process?.elements[ei.e]?.name;
    out.push({ key: ei.k, el: ei.e, ...(name === undefined ? {} : { name }), ...ei.task });
  }
  return out.sort((a, b) => Number(a.key) - Number(b.key));
}

/**
 * The variables an element instance sees, as the engine reads them: its own, then each enclosing
 * scope's, the nearer winning (a task form's current values). Where one scope holds them all the
 * answer is that scope's own object, so read it and do not change it.
 */
export function variablesAt(state: InstanceState, key: string | undefined): Vars {
  const chain: Vars[] = [];
  let cur = key === undefined ? undefined : state.els[key];
  while (cur) {
    if (cur.vars) chain.push(cur.vars);
    cur = cur.p === undefined ? undefined : state.els[cur.p];
  }
  if (chain.length === 1) return chain[0] as Vars;
  const out: Vars = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(out, chain[i]);
  return out;
}
