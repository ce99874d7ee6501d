import type { ElementModel, StandardLoopSpec } from '../model/types.ts';
import type { Processing } from '../processing/processing.ts';
import type { ElementInstance, Vars } from '../state/types.ts';
import { closeSubscriptionsOf } from './subscriptions.ts';
import { propagate, setLocal } from './variables.ts';

/**
 * A standard loop (BPMN 2.0 §13.2.7, standardLoopCharacteristics): the activity runs again
 * while its loop condition holds, asked after each round, or before each with testBefore (so
 * it may not run at all), and never more than loopMaximum times. Each round sees its number
 * as `loopCounter`, from 1; the condition sees the rounds done.
 */
export function nextRound(p: Processing, body: ElementInstance, el: ElementModel): void {
  const loop = el.standardLoop as StandardLoopSpec;
  const done = body.loops ?? 0;
  const asked = done > 0 || loop.testBefore;
  const stop =
    (loop.maximum !== undefined && done >= loop.maximum) ||
    (asked &&
      loop.condition !== undefined &&
      !p.condition(loop.condition, { ...p.scopeVars(body.k), loopCounter: done }, `loop condition of ${el.id}`));
  if (stop) return p.enqueue({ op: 'complete', key: body.k });
  p.enqueue({ op: 'activate', el: el.id, parent: body.k, vars: { loopCounter: done + 1 } });
}

/**
 * A round finished: what it brought goes out (to the body, when output mappings will read it
 * as the loop ends), then the next round or the end.
 */
export function roundCompleted(p: Processing, inner: ElementInstance, el: ElementModel, vars: Vars | undefined): void {
  const body = p.instance(inner.p as string) as ElementInstance;
  if (vars) {
    const { loopCounter: _own, ...rest } = vars;
    if (el.outputs) setLocal(p, body.k, rest);
    else propagate(p, rest, body.k);
  }
  closeSubscriptionsOf(p, inner.k);
  p.write({ type: 'ElementCompleted', key: inner.k });
  nextRound(p, p.instance(body.k) as ElementInstance, el);
}
