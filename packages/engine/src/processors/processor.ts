import type { ElementProcessor } from '../processing/processing.ts';

/** Passes straight through, carrying an event's payload to its scope. */
export const passThrough: ElementProcessor = {
  run(p, ei, _el, work) {
    p.enqueue({ op: 'complete', key: ei.k, ...(work?.payload ? { vars: work.payload } : {}) });
  },
};
