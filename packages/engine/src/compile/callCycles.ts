import type { ProcessModel } from '../model/types.ts';
import type { Problems } from './problems.ts';

/**
 * Call activities whose called processes come back round to their own process, within one
 * model: each instance would start another without end. One problem per cycle, at the call
 * activity that closes it, naming the whole round. Processes named by FEEL, or deployed
 * elsewhere, are left to the call depth limit at run time.
 */
export function findCallCycles(processes: Readonly<Record<string, ProcessModel>>, problems: Problems): void {
  const calls = new Map<string, { activity: string; target: string }[]>();
  for (const [id, process] of Object.entries(processes)) {
    const out: { activity: string; target: string }[] = [];
    for (const el of Object.values(process.elements)) {
      const target = el.calledElement?.processId;
      if (target && 'literal' in target && processes[target.literal]) out.push({ activity: el.id, target: target.literal });
    }
    calls.set(id, out);
  }
  const done = new Set<string>();
  const visit = (process: string, path: readonly Step[]): void => {
    for (const call of calls.get(process) ?? []) {
      const here = [...path, { process, activity: call.activity }];
      const start = here.findIndex((step) => step.process === call.target);
      if (start >= 0) report(here.slice(start), call.target, problems);
      else if (!done.has(call.target)) visit(call.target, here);
    }
    done.add(process);
  };
  for (const id of calls.keys()) if (!done.has(id)) visit(id, []);
}

/** One call on the way round: the process and its call activity taken. */
interface Step {
  readonly process: string;
  readonly activity: string;
}

function report(cycle: readonly Step[], back: string, problems: Problems): void {
  const round = [...cycle.map((step) => `${step.process} (call activity ${step.activity})`), back].join(' -> ');
  const closing = cycle.at(-1)?.activity;
  problems.add('call-cycle', `call activities form a cycle, so each instance would start another without end: ${round}`, {
    id: closing,
    $type: 'bpmn:CallActivity',
  });
}
