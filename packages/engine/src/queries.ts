import type { Model } from './model/types.ts';
import type { InstanceState, UserTaskState } from './state/types.ts';

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
    if (!ei.task) continue;
    const name = process?.elements[ei.e]?.name;
    out.push({ key: ei.k, el: ei.e, ...(name === undefined ? {} : { name }), ...ei.task });
  }
  return out.sort((a, b) => Number(a.key) - Number(b.key));
}
