import type { ElementModel, FlowModel, ProcessModel, ScopeModel } from '../model/types.ts';
import type { Problems } from './problems.ts';

const where = (el: ElementModel) => ({ id: el.id, $type: `bpmn:${el.kind[0]?.toUpperCase()}${el.kind.slice(1)}` });

/** Each link throw event jumps to the catch event of the same name in its scope. */
export function linkTargets(
  scopes: Readonly<Record<string, ScopeModel>>,
  elements: Readonly<Record<string, ElementModel>>,
  problems: Problems,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const scope of Object.values(scopes)) {
    const kids = scope.children.map((c) => elements[c] as ElementModel);
    const catches = new Map<string, string>();
    for (const k of kids) if (k.kind === 'intermediateCatchEvent' && k.trigger?.kind === 'link') catches.set(k.trigger.name, k.id);
    for (const k of kids) {
      if (k.kind !== 'intermediateThrowEvent' || k.trigger?.kind !== 'link') continue;
      const target = catches.get(k.trigger.name);
      if (target) out[k.id] = target;
      else
        problems.add(
          'link-unmatched',
          `link throw ${k.id} names '${k.trigger.name}', but no link catch event in its scope has that name`,
          where(k),
        );
    }
  }
  return out;
}

/**
 * For each inclusive join: every element of its scope from which a token can still reach it
 * (walking flows backwards, and from a boundary event to its activity), without passing the join.
 */
export function inclusiveUpstream(
  elements: Readonly<Record<string, ElementModel>>,
  flows: Readonly<Record<string, FlowModel>>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const join of Object.values(elements)) {
    if (join.kind !== 'inclusiveGateway' || join.incoming.length < 2) continue;
    const seen = new Set<string>();
    const todo = join.incoming.map((f) => flows[f]?.source).filter((s): s is string => s !== undefined);
    while (todo.length > 0) {
      const id = todo.pop() as string;
      if (id === join.id || seen.has(id)) continue;
      seen.add(id);
      const el = elements[id];
      if (!el) continue;
      for (const f of el.incoming) {
        const source = flows[f]?.source;
        if (source) todo.push(source);
      }
      if (el.attachedTo) todo.push(el.attachedTo);
    }
    out[join.id] = [...seen];
  }
  return out;
}

const CATCHABLE_AFTER_EVENT_GATEWAY = new Set(['message', 'timer', 'signal', 'conditional']);

export function validateGraph(process: ProcessModel, problems: Problems): void {
  for (const el of Object.values(process.elements)) {
    const gateway = el.kind.endsWith('Gateway');
    if (gateway && el.outgoing.length === 0)
      problems.add('gateway-without-outgoing', `${el.kind} ${el.id} has no outgoing flow`, where(el));
    if (el.kind === 'exclusiveGateway' && el.outgoing.length > 1) {
      for (const f of el.outgoing) {
        if (f !== el.defaultFlow && process.flows[f]?.condition === undefined) {
          problems.add(
            'condition-missing',
            `flow ${f} leaves exclusive gateway ${el.id} without a condition and is not its default flow`,
            where(el),
          );
        }
      }
    }
    if (el.defaultFlow && !el.outgoing.includes(el.defaultFlow))
      problems.add('default-flow-invalid', `${el.id}: default flow ${el.defaultFlow} is not one of its outgoing flows`, where(el));
    if (el.kind === 'startEvent' && el.incoming.length > 0)
      problems.add('start-with-incoming', `start event ${el.id} has incoming flows`, where(el));
    if (el.kind === 'boundaryEvent' && el.incoming.length > 0)
      problems.add('boundary-with-incoming', `boundary event ${el.id} has incoming flows`, where(el));
    if (el.kind === 'intermediateCatchEvent' && (el.trigger?.kind === 'none' || el.trigger === undefined)) {
      problems.add(
        'catch-without-trigger',
        `intermediate catch event ${el.id} waits for nothing: give it a message, timer, signal, conditional or link`,
        where(el),
      );
    }
    if (el.trigger?.kind === 'cancel' && el.kind === 'endEvent') {
      const tx = process.elements[el.scope];
      if (tx?.kind !== 'transaction')
        problems.add('cancel-outside-transaction', `cancel end event ${el.id} must be inside a transaction`, where(el));
      else if (!(tx.boundaries ?? []).some((b) => process.elements[b]?.trigger?.kind === 'cancel')) {
        problems.add('cancel-boundary-missing', `transaction ${tx.id} has a cancel end event but no cancel boundary event`, where(tx));
      }
    }
    if (el.kind === 'eventBasedGateway') {
      for (const f of el.outgoing) {
        const target = process.elements[process.flows[f]?.target ?? ''];
        if (target && !(target.kind === 'intermediateCatchEvent' && CATCHABLE_AFTER_EVENT_GATEWAY.has(target.trigger?.kind ?? ''))) {
          problems.add(
            'event-gateway-target',
            `event-based gateway ${el.id} leads to ${target.id}, which is not a message, timer, signal or conditional catch event`,
            where(el),
          );
        }
      }
    }
  }
  reportUnreachable(process, problems);
}

/** Walks from everything that can start a token; what is never reached is reported. */
function reportUnreachable(process: ProcessModel, problems: Problems): void {
  const reached = new Set<string>();
  const todo: string[] = [process.id, ...process.starts];
  const visit = (id: string) => {
    if (reached.has(id)) return;
    reached.add(id);
    const scope = process.scopes[id];
    if (scope) todo.push(...scope.entries, ...scope.eventStarts, ...scope.children.filter((c) => process.elements[c]?.triggeredByEvent));
    const el = process.elements[id];
    if (!el) return;
    for (const f of el.outgoing) {
      const target = process.flows[f]?.target;
      if (target) todo.push(target);
    }
    for (const b of el.boundaries ?? []) todo.push(b);
    if (el.compensationHandler) todo.push(el.compensationHandler);
    const link = process.linkTargets[id];
    if (link) todo.push(link);
  };
  while (todo.length > 0) visit(todo.pop() as string);
  for (const el of Object.values(process.elements)) {
    if (!reached.has(el.id)) problems.add('unreachable', `${el.kind} ${el.id} can never be reached from a start event`, where(el));
  }
}
