import type { ElementModel } from '../model/types.ts';
import { IncidentSignal, type Processing } from '../processing/processing.ts';

/** Joining gateways wait for tokens; every other target is entered at once. */
export function isJoin(el: ElementModel): boolean {
  return (el.kind === 'parallelGateway' || el.kind === 'inclusiveGateway') && el.incoming.length > 1;
}

export function takeFlow(p: Processing, flowId: string, scope: string): void {
  const flow = p.model.flows[flowId];
  if (!flow) throw new Error(`flow ${flowId} is not in process ${p.model.id}`);
  const target = p.element(flow.target);
  if (!isJoin(target)) {
    p.write({ type: 'FlowTaken', flow: flowId, scope });
    p.enqueue({ op: 'activate', el: target.id, parent: scope });
    return;
  }
  p.write({ type: 'FlowTaken', flow: flowId, scope, join: target.id });
  if (target.kind === 'parallelGateway') fireParallelJoin(p, target, scope);
  else p.pendingInclusive.add(`${scope}/${target.id}`);
}

function fireParallelJoin(p: Processing, gateway: ElementModel, scope: string): void {
  const arrived = p.state.joins?.[`${scope}/${gateway.id}`];
  if (!arrived || !gateway.incoming.every((f) => (arrived[f] ?? 0) > 0)) return;
  const consumed = Object.fromEntries(gateway.incoming.map((f) => [f, 1]));
  p.write({ type: 'JoinFired', scope, gateway: gateway.id, consumed });
  p.enqueue({ op: 'activate', el: gateway.id, parent: scope });
}

/**
 * An inclusive join fires once no token of its scope can still reach it: checked only when
 * the transition has nothing else to do, so tokens on their way are counted.
 */
export function fireInclusiveJoin(p: Processing, scope: string, gatewayId: string): boolean {
  const arrived = p.state.joins?.[`${scope}/${gatewayId}`];
  if (!arrived || !p.instance(scope)) return false;
  const upstream = new Set(p.model.upstream[gatewayId] ?? []);
  for (const ei of Object.values(p.state.els)) if (ei.p === scope && upstream.has(ei.e)) return false;
  for (const id of Object.keys(p.state.joins ?? {})) {
    const [s, g] = splitJoin(id);
    if (s === scope && g !== gatewayId && upstream.has(g)) return false;
  }
  const consumed = Object.fromEntries(Object.keys(arrived).map((f) => [f, 1]));
  p.write({ type: 'JoinFired', scope, gateway: gatewayId, consumed });
  p.enqueue({ op: 'activate', el: gatewayId, parent: scope });
  return true;
}

function splitJoin(id: string): [string, string] {
  const i = id.indexOf('/');
  return [id.slice(0, i), id.slice(i + 1)];
}

/** The outgoing flows an activity or event takes: unconditional ones, true conditions, else the default. */
export function selectFlows(p: Processing, el: ElementModel, scope: string): string[] {
  const chosen: string[] = [];
  let vars: Record<string, unknown> | undefined;
  for (const id of el.outgoing) {
    if (id === el.defaultFlow) continue;
    const condition = p.model.flows[id]?.condition;
    if (condition === undefined) {
      chosen.push(id);
      continue;
    }
    vars ??= p.scopeVars(scope);
    if (p.condition(condition, vars, `condition of flow ${id}`)) chosen.push(id);
  }
  if (el.defaultFlow && !chosen.some((id) => p.model.flows[id]?.condition !== undefined)) chosen.push(el.defaultFlow);
  if (chosen.length === 0 && el.outgoing.length > 0) {
    throw new IncidentSignal('SZ_NO_FLOW_SELECTED', `${el.kind} ${el.id}: no outgoing condition holds and there is no default flow`);
  }
  return chosen;
}
