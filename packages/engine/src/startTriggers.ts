import type { EventTrigger, Model } from './model/types.ts';

/** How a deployed process can be started besides by hand: the host subscribes to these. */
export interface StartTrigger {
  readonly processId: string;
  readonly startEvent: string;
  readonly trigger: Extract<EventTrigger, { kind: 'message' | 'timer' | 'signal' | 'conditional' }>;
}

export function startTriggers(model: Model): StartTrigger[] {
  const out: StartTrigger[] = [];
  for (const process of Object.values(model.processes)) {
    for (const id of process.starts) {
      const trigger = process.elements[id]?.trigger;
      if (trigger?.kind === 'message' || trigger?.kind === 'timer' || trigger?.kind === 'signal' || trigger?.kind === 'conditional') {
        out.push({ processId: process.id, startEvent: id, trigger });
      }
    }
  }
  return out;
}
