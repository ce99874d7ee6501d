import { openSubscription } from '../behaviors/subscriptions.ts';
import { type ElementProcessor, IncidentSignal } from '../processing/processing.ts';

/** The first flow (in document order) whose condition holds; else the default flow. */
export const exclusiveGateway: ElementProcessor = {
  run(p, ei, el) {
    if (el.outgoing.length <= 1) return p.enqueue({ op: 'complete', key: ei.k, flows: el.outgoing });
    const vars = p.scopeVars(ei.k);
    for (const id of el.outgoing) {
      if (id === el.defaultFlow) continue;
      const condition = p.model.flows[id]?.condition;
      if (condition === undefined || p.condition(condition, vars, `condition of flow ${id}`)) {
        return p.enqueue({ op: 'complete', key: ei.k, flows: [id] });
      }
    }
    if (el.defaultFlow) return p.enqueue({ op: 'complete', key: ei.k, flows: [el.defaultFlow] });
    throw new IncidentSignal('SZ_NO_FLOW_SELECTED', `exclusive gateway ${el.id}: no outgoing condition holds and there is no default flow`);
  },
};

/** Every flow whose condition holds; the default flow only when none does. */
export const inclusiveGateway: ElementProcessor = {
  run(p, ei, el) {
    const vars = p.scopeVars(ei.k);
    const flows = el.outgoing.filter((id) => {
      if (id === el.defaultFlow) return false;
      const condition = p.model.flows[id]?.condition;
      return condition === undefined || p.condition(condition, vars, `condition of flow ${id}`);
    });
    if (flows.length === 0 && el.defaultFlow) flows.push(el.defaultFlow);
    if (flows.length === 0 && el.outgoing.length > 0) {
      throw new IncidentSignal(
        'SZ_NO_FLOW_SELECTED',
        `inclusive gateway ${el.id}: no outgoing condition holds and there is no default flow`,
      );
    }
    p.enqueue({ op: 'complete', key: ei.k, flows });
  },
};

/** Joining happened before activation (see flows.ts); forking takes every outgoing flow. */
export const parallelGateway: ElementProcessor = {
  run(p, ei, el) {
    p.enqueue({ op: 'complete', key: ei.k, flows: el.outgoing });
  },
};

/** Waits on every event after it; the first to fire decides the path. */
export const eventBasedGateway: ElementProcessor = {
  run(p, ei, el) {
    for (const flow of el.outgoing) {
      const target = p.element(p.model.flows[flow]?.target as string);
      openSubscription(p, ei.k, target);
    }
  },
};
