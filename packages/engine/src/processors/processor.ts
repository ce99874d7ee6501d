import type { ElementModel } from '../model/types.ts';
import type { Processing, Work } from '../processing/processing.ts';
import type { ElementInstance } from '../state/types.ts';

/** One per element kind (Zeebe's BpmnElementProcessor): decides what happens, writes events, asks for effects. */
export interface ElementProcessor {
  /** The element's work once active: complete at once (enqueue 'complete') or wait for a command. */
  run(p: Processing, ei: ElementInstance, el: ElementModel, work?: Extract<Work, { op: 'activate' }>): void;
  /** Release what the element holds outside the instance (an inbox task, a job, a called instance). */
  terminate?(p: Processing, ei: ElementInstance, el: ElementModel): void;
}

/** Passes straight through, carrying an event's payload to its scope. */
export const passThrough: ElementProcessor = {
  run(p, ei, _el, work) {
    p.enqueue({ op: 'complete', key: ei.k, ...(work?.payload ? { vars: work.payload } : {}) });
  },
};
