import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import type { FlowModel, Model, ProcessModel, ScopeModel } from '../model/types.ts';
import { DEFAULT_TIME_ZONE } from '../timers/index.ts';
import { findCallCycles } from './callCycles.ts';
import sz from './descriptors/sz.json' with { type: 'json' };
import zeebe from './descriptors/zeebe.json' with { type: 'json' };
import { type Draft, IGNORED, KINDS, readElement } from './elements.ts';
import { readFeel } from './expressions.ts';
import { ref, str } from './extensions.ts';
import { inclusiveUpstream, linkTargets, validateGraph } from './graph.ts';
import { type Problem, Problems } from './problems.ts';

export type CompileResult = { readonly ok: true; readonly model: Model } | { readonly ok: false; readonly problems: readonly Problem[] };

export const MAX_XML_BYTES = 5 * 1024 * 1024;

/** The moddle registry is read-only after construction, so one serves every compile. */
const moddle = new BpmnModdle({ sz, zeebe });

export interface CompileOptions {
  /** Used when a process sets no sz:timeZone. */
  readonly timeZone?: string;
}

/**
 * BPMN 2.0 XML to an immutable, indexed model, or every problem found, each naming the
 * element and its type. Nothing runs until a model compiles cleanly.
 */
export async function compile(xml: string, options: CompileOptions = {}): Promise<CompileResult> {
  const problems = new Problems();
  if (xml.length > MAX_XML_BYTES) {
    problems.add('xml-too-large', `the model is ${xml.length} characters; at most ${MAX_XML_BYTES} are accepted`);
    return { ok: false, problems: problems.list };
  }
  // Entities are never expanded, but no BPMN needs a DOCTYPE: refusing it closes the door on entity tricks.
  if (/<!DOCTYPE/i.test(xml)) {
    problems.add('xml-doctype', 'the model declares a DOCTYPE; BPMN 2.0 XML needs none, so it is refused (remove the <!DOCTYPE ...> line)');
    return { ok: false, problems: problems.list };
  }
  let definitions: ModdleElement;
  try {
    const parsed = await moddle.fromXML(xml);
    definitions = parsed.rootElement;
    for (const w of parsed.warnings) {
      if (/unresolved reference/.test(w.message)) problems.add('unresolved-reference', w.message.split('\n')[0] ?? w.message, w.element);
    }
  } catch (e) {
    problems.add('xml-invalid', `not a BPMN 2.0 document: ${(e as Error).message.split('\n')[0]}`);
    return { ok: false, problems: problems.list };
  }
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  const processNodes = roots.filter((r) => r.$type === 'bpmn:Process');
  if (processNodes.length === 0) problems.add('no-process', 'the model has no process');
  const processes: Record<string, ProcessModel> = {};
  for (const node of processNodes) processes[node.id as string] = compileProcess(node, options, problems);
  findCallCycles(processes, problems);
  const main = (processNodes.find((n) => n.isExecutable === true) ?? processNodes[0])?.id;
  if (problems.list.length > 0 || main === undefined) return { ok: false, problems: problems.list };
  return { ok: true, model: deepFreeze({ processes, main }) };
}

function compileProcess(node: ModdleElement, options: CompileOptions, problems: Problems): ProcessModel {
  const id = node.id as string;
  const timeZone = str(node, 'timeZone') ?? options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!validZone(timeZone)) problems.add('time-zone-invalid', `process ${id}: '${timeZone}' is not an IANA time zone`, node);
  const elements: Record<string, Draft> = {};
  const flows: Record<string, FlowModel> = {};
  const scopes: Record<string, ScopeModel> = {};
  const associations: ModdleElement[] = [];
  const walk = (container: ModdleElement, scopeId: string) => {
    const children: string[] = [];
    const sequenceFlows: ModdleElement[] = [];
    associations.push(...((container.artifacts as ModdleElement[] | undefined) ?? []).filter((a) => a.$type === 'bpmn:Association'));
    for (const fe of (container.flowElements as ModdleElement[] | undefined) ?? []) {
      if (fe.$type === 'bpmn:SequenceFlow') sequenceFlows.push(fe);
      if (IGNORED.has(fe.$type)) continue;
      const kind = KINDS[fe.$type];
      if (!kind) {
        problems.add('unsupported-element', `${fe.$type.replace('bpmn:', '')} ${fe.id} is not supported`, fe);
        continue;
      }
      if (elements[fe.id as string]) problems.add('duplicate-id', `id ${fe.id} is used twice`, fe);
      elements[fe.id as string] = readElement(fe, kind, scopeId, timeZone, problems);
      children.push(fe.id as string);
      if (kind === 'subProcess' || kind === 'transaction') walk(fe, fe.id as string);
    }
    for (const sf of sequenceFlows) readFlow(sf, scopeId, elements, flows, problems);
    for (const childId of children) {
      const node = (container.flowElements as ModdleElement[]).find((f) => f.id === childId);
      const def = ref(node, 'default')?.id;
      const child = elements[childId];
      if (def && child) child.defaultFlow = def;
    }
    scopes[scopeId] = { id: scopeId, children, entries: [], eventStarts: [] };
  };
  walk(node, id);
  attachBoundaries(elements, associations, problems);
  const starts = fillScopes(id, scopes, elements, problems);
  const process: ProcessModel = {
    id,
    timeZone,
    scopes,
    starts,
    elements,
    flows,
    linkTargets: linkTargets(scopes, elements, problems),
    upstream: inclusiveUpstream(elements, flows),
    ...(str(node, 'name') ? { name: str(node, 'name') as string } : {}),
  };
  validateGraph(process, problems);
  return process;
}

function readFlow(
  sf: ModdleElement,
  scopeId: string,
  elements: Record<string, Draft>,
  flows: Record<string, FlowModel>,
  problems: Problems,
): void {
  const id = sf.id as string;
  const source = elements[ref(sf, 'sourceRef')?.id ?? ''];
  const target = elements[ref(sf, 'targetRef')?.id ?? ''];
  if (!source || !target) {
    problems.add(
      'flow-dangling',
      `sequence flow ${id} does not connect two supported elements (source ${ref(sf, 'sourceRef')?.id ?? 'missing'}, target ${ref(sf, 'targetRef')?.id ?? 'missing'})`,
      sf,
    );
    return;
  }
  if (source.scope !== scopeId || target.scope !== scopeId) {
    problems.add('flow-crosses-scope', `sequence flow ${id} leaves its sub-process (${source.id} -> ${target.id})`, sf);
    return;
  }
  const condition = readFeel(str(ref(sf, 'conditionExpression'), 'body'), `condition of flow ${id}`, sf, problems);
  flows[id] = { id, source: source.id, target: target.id, ...(condition === undefined ? {} : { condition }) };
  source.outgoing.push(id);
  target.incoming.push(id);
}

function attachBoundaries(elements: Record<string, Draft>, associations: ModdleElement[], problems: Problems): void {
  for (const el of Object.values(elements)) {
    if (el.kind !== 'boundaryEvent') continue;
    const attachedTo = Object.values(elements).find((a) => a.id === el.attachedTo);
    if (!attachedTo) {
      problems.add('boundary-unattached', `boundary event ${el.id} is not attached to an activity`, {
        id: el.id,
        $type: 'bpmn:BoundaryEvent',
      });
      continue;
    }
    attachedTo.boundaries ??= [];
    attachedTo.boundaries.push(el.id);
    if (el.trigger?.kind !== 'compensate') continue;
    const assoc = associations.find((a) => ref(a, 'sourceRef')?.id === el.id);
    const handler = elements[ref(assoc, 'targetRef')?.id ?? ''];
    if (!handler?.isForCompensation) {
      problems.add(
        'compensation-handler-missing',
        `compensation boundary ${el.id} needs an association to an activity marked isForCompensation`,
        { id: el.id, $type: 'bpmn:BoundaryEvent' },
      );
      continue;
    }
    attachedTo.compensationHandler = handler.id;
  }
}

/** Entries and event-sub-process starts of every scope; returns the process-level start events. */
function fillScopes(processId: string, scopes: Record<string, ScopeModel>, elements: Record<string, Draft>, problems: Problems): string[] {
  let starts: string[] = [];
  for (const scope of Object.values(scopes)) {
    const kids = scope.children.map((c) => elements[c] as Draft);
    const startEvents = kids.filter((k) => k.kind === 'startEvent');
    const noneStarts = startEvents.filter((k) => k.trigger?.kind === 'none').map((k) => k.id);
    const owner = elements[scope.id];
    let entries: string[];
    if (owner?.triggeredByEvent) entries = [];
    else if (noneStarts.length > 0) entries = noneStarts;
    else if (scope.id === processId) entries = [];
    else entries = kids.filter((k) => k.incoming.length === 0 && isFreeStanding(k)).map((k) => k.id);
    const eventStarts = kids
      .filter((k) => k.triggeredByEvent)
      .flatMap((esp) => (scopes[esp.id]?.children ?? []).filter((c) => elements[c]?.kind === 'startEvent'));
    for (const s of eventStarts) {
      const trigger = elements[s]?.trigger?.kind;
      if (trigger === 'none' || trigger === undefined)
        problems.add(
          'event-subprocess-start',
          `event sub-process start ${s} needs a message, timer, signal, conditional, error or escalation trigger`,
          { id: s, $type: 'bpmn:StartEvent' },
        );
    }
    Object.assign(scope, { entries, eventStarts });
    if (scope.id === processId) starts = startEvents.map((k) => k.id);
  }
  if (starts.length === 0)
    problems.add('no-start-event', `process ${processId} has no start event`, { id: processId, $type: 'bpmn:Process' });
  return starts;
}

function isFreeStanding(el: Draft): boolean {
  if (el.kind === 'boundaryEvent' || el.triggeredByEvent || el.isForCompensation) return false;
  if (el.kind === 'intermediateCatchEvent' && el.trigger?.kind === 'link') return false;
  return el.kind !== 'startEvent';
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
