import type { ElementModel } from '../model/types.ts';
import type { Processing } from '../processing/processing.ts';
import type { ElementInstance } from '../state/types.ts';

/**
 * Loop activities (multi-instance and standard loops) run as a body element instance, which
 * carries the boundary events, the counters and what is collected, around one inner instance
 * of the activity per item or round.
 */
export function isBody(ei: ElementInstance): boolean {
  return ei.mi !== undefined || ei.loops !== undefined;
}

export function hasLoopBody(el: ElementModel): boolean {
  return el.loop !== undefined || el.standardLoop !== undefined;
}

export function isInnerInstance(p: Processing, parent: string, elementId: string): boolean {
  const parentEi = p.instance(parent);
  return parentEi !== undefined && isBody(parentEi) && parentEi.e === elementId;
}

export function activateBody(p: Processing, el: ElementModel, parent: string): string {
  const key = p.newKey();
  const counters = el.standardLoop ? { loops: 0 } : { mi: { total: 0, completed: 0, active: 0 } };
  p.write({ type: 'ElementActivated', el: { k: key, e: el.id, p: parent, ...counters } });
  p.enqueue({ op: 'run', key });
  return key;
}
