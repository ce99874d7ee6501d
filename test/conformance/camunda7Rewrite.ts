/**
 * Turns a Camunda 7 test model into one our engine reads: every JUEL `${…}` is replaced by
 * the FEEL the expectation gives, and the Camunda 7 attributes we do not read are mapped
 * onto their standard or Zeebe counterparts. Parsed and written back with bpmn-moddle.
 */
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

// biome-ignore lint/suspicious/noExplicitAny: moddle elements are dynamic objects
type Node = any;

/**
 * Camunda's descriptor only: with the zeebe descriptor loaded as well, bpmn-moddle drops every
 * errorEventDefinition (both extend it). Zeebe extension elements are written as generic XML.
 */
const moddle = new BpmnModdle({ camunda }) as unknown as {
  fromXML(
    xml: string,
  ): Promise<{ rootElement: Node; warnings: { message: string; property?: string; element?: Node }[]; elementsById: Record<string, Node> }>;
  toXML(element: Node, options?: { format?: boolean }): Promise<{ xml: string }>;
  create(type: string, attrs?: Record<string, unknown>): Node;
  createAny(name: string, nsUri: string, properties?: Record<string, unknown>): Node;
};
const ZEEBE = 'http://camunda.org/schema/zeebe/1.0';

/** A zeebe extension element (e.g. 'taskDefinition'), children under $children. */
function zeebeElement(name: string, attrs: Record<string, unknown>, children?: Node[]): Node {
  const plain = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)]));
  return moddle.createAny(`zeebe:${name}`, ZEEBE, { ...plain, ...(children ? { $children: children } : {}) });
}

/** What a case's adaptation may do to one element (see camunda7.adaptations.json). */
export interface ElementAdaptation {
  readonly why: string;
  /** Make the element this BPMN type (keeps id, name, flows, loop characteristics). */
  readonly retype?: 'bpmn:ScriptTask' | 'bpmn:ServiceTask' | 'bpmn:Task' | 'bpmn:UserTask';
  /** A FEEL script (replaces a Groovy script or a camunda:expression). */
  readonly script?: string;
  readonly resultVariable?: string;
  /**
   * A service task done by the harness: it gets a job type and the harness completes or fails its
   * job at once, or ('manual') leaves it for completeJob / throwErrorFromJob steps.
   */
  readonly job?: { complete: Record<string, unknown> } | { error: string } | 'manual';
  /** A receive task or message event without a message: give it one with this name. */
  readonly message?: string;
  /** A signal event without a signal: give it one with this name. */
  readonly signal?: string;
}

export interface RewriteResult {
  readonly xml: string;
  /** What the rewrite did that a reader should know (dropped references, mapped attributes). */
  readonly notes: string[];
  /** Keys of the feel map that named nothing in this model. */
  readonly unused: string[];
}

/** Camunda 7's loopCounter starts at 0, ours at 1: FEEL written for Camunda 7 reads (loopCounter - 1). */
export function zeroBasedLoopCounter(feel: string): string {
  return feel.replace(/\bloopCounter\b/g, '(loopCounter - 1)');
}

export async function rewriteModel(
  xml: string,
  feel: Readonly<Record<string, string>>,
  adaptations: Readonly<Record<string, ElementAdaptation>> = {},
): Promise<RewriteResult> {
  const notes: string[] = [];
  // XML allows blanks around an attribute's '=' (`source ="x"`); bpmn-moddle's parser then drops the attribute.
  // An id with a trailing blank (`id="flow4 "`) is not an XML id; bpmn-moddle drops its element.
  const tidy = xml.replace(/<[^!?][^>]*>/g, (tag) =>
    tag.replace(/\s+=\s*(["'])|=\s+(["'])/g, (_m, a, b) => `=${a ?? b}`).replace(/\bid="\s*([^"]*?)\s*"/g, 'id="$1"'),
  );
  if (tidy !== xml) notes.push('tidied attribute syntax bpmn-moddle cannot read (blanks around = or inside an id)');
  const { rootElement: defs, warnings, elementsById } = await moddle.fromXML(tidy);
  for (const w of warnings) {
    const first = w.message.split('\n')[0] ?? w.message;
    const ref = /unresolved reference <([^>]+)>/.exec(first)?.[1];
    if (ref === undefined) {
      notes.push(`bpmn-moddle: ${first}`);
      continue;
    }
    if (w.property === 'bpmn:errorRef' && w.element) {
      // Camunda 7 reads an errorRef to an undeclared error as the error code itself.
      const error = moddle.create('bpmn:Error', { id: ref, name: ref, errorCode: ref });
      defs.rootElements.push(error);
      w.element.errorRef = error;
      notes.push(`declared error ${ref} (an undeclared errorRef is its own error code in Camunda 7)`);
    } else {
      notes.push(`dropped ${first}`);
    }
  }
  const byId = new Map<string, Node>(Object.entries(elementsById));
  const used = new Set<string>();
  const fe = (text: string) => zeroBasedLoopCounter(text);

  // 1. The FEEL map.
  for (const [key, text] of Object.entries(feel)) {
    const { el, rest } = split(key, byId);
    if (!el) continue;
    if (applyFeel(el, rest, fe(text), key, notes)) used.add(key);
  }

  // 2. Camunda 7 attributes and extension elements.
  for (const el of byId.values()) {
    mapUserTask(el, feel, fe, used);
    mapLoop(el, feel, fe, used);
    mapCall(el, feel, fe, used);
  }

  // 3. Stand-ins the adaptation file asks for.
  for (const [id, a] of Object.entries(adaptations)) {
    let el = byId.get(id);
    if (!el) throw new Error(`adaptation names ${id}, which is not in the model`);
    if (a.retype && el.$type !== a.retype) {
      el = retype(el, a.retype, defs);
      byId.set(id, el);
    }
    if (a.script !== undefined) {
      addExtension(el, 'script', { expression: `=${a.script}`, ...(a.resultVariable ? { resultVariable: a.resultVariable } : {}) });
      el.script = undefined;
      el.scriptFormat = undefined;
      el.expression = undefined;
    }
    if (a.job) {
      addExtension(el, 'taskDefinition', { type: `stand-in:${id}` });
      el.class = undefined;
      el.expression = undefined;
      el.implementation = undefined;
    }
    if (a.message) {
      const message = moddle.create('bpmn:Message', { id: `${id}_message`, name: a.message });
      defs.rootElements.push(message);
      const def = (el.eventDefinitions ?? []).find((d: Node) => d.$type === 'bpmn:MessageEventDefinition');
      if (def) def.messageRef = message;
      else el.messageRef = message;
    }
    if (a.signal) {
      const signal = moddle.create('bpmn:Signal', { id: `${id}_signal`, name: a.signal });
      defs.rootElements.push(signal);
      const def = (el.eventDefinitions ?? []).find((d: Node) => d.$type === 'bpmn:SignalEventDefinition');
      if (!def) throw new Error(`adaptation gives ${id} a signal, but it has no signal event definition`);
      def.signalRef = signal;
    }
  }

  // 4. Sequence flows without an id (allowed by Camunda 7) get one.
  let n = 0;
  walk(defs, (node) => {
    if (node.$type === 'bpmn:SequenceFlow' && !node.id) {
      node.id = `unnamedFlow_${++n}`;
    }
  });
  if (n > 0) notes.push(`named ${n} sequence flow(s) that had no id`);

  defs.$attrs ??= {};
  defs.$attrs['xmlns:zeebe'] = ZEEBE;
  const { xml: out } = await moddle.toXML(defs, { format: true });
  return { xml: out, notes, unused: Object.keys(feel).filter((k) => !used.has(k)) };
}

/** `miTasks.loopCardinality` -> element miTasks, rest ['loopCardinality']; `flow2` -> flow2, []. */
function split(key: string, byId: Map<string, Node>): { el?: Node; rest: string[] } {
  const parts = key.split('.');
  for (let i = parts.length; i > 0; i--) {
    const el = byId.get(parts.slice(0, i).join('.'));
    if (el) return { el, rest: parts.slice(i) };
  }
  return { rest: parts };
}

function applyFeel(el: Node, rest: string[], text: string, key: string, notes: string[]): boolean {
  const loop = el.loopCharacteristics;
  switch (rest[0]) {
    case undefined: {
      if (el.$type === 'bpmn:SequenceFlow') {
        el.conditionExpression ??= moddle.create('bpmn:FormalExpression');
        el.conditionExpression.body = text;
        return true;
      }
      const def = (el.eventDefinitions ?? []).find((d: Node) => d.$type === 'bpmn:ConditionalEventDefinition');
      if (def) {
        def.condition ??= moddle.create('bpmn:FormalExpression');
        def.condition.body = text;
        return true;
      }
      notes.push(`feel key ${key} names neither a flow nor a conditional event`);
      return false;
    }
    case 'loopCardinality':
      if (!loop) return false;
      loop.loopCardinality ??= moddle.create('bpmn:FormalExpression');
      loop.loopCardinality.body = `=${text}`;
      return true;
    case 'completionCondition':
      if (!loop) return false;
      loop.completionCondition ??= moddle.create('bpmn:FormalExpression');
      loop.completionCondition.body = text;
      return true;
    case 'loopDataInputRef': {
      if (!loop) return false;
      // Camunda 7 writes the collection's variable name as the reference's text; ours reads zeebe:loopCharacteristics.
      loop.loopDataInputRef = undefined;
      const inputElement = loop.inputDataItem?.name ?? loop.elementVariable;
      loop.inputDataItem = undefined;
      loop.collection = undefined;
      loop.elementVariable = undefined;
      addExtension(loop, 'loopCharacteristics', { inputCollection: `=${text}`, ...(inputElement ? { inputElement } : {}) });
      return true;
    }
    case 'assignee':
    case 'name':
    case 'expression':
    case 'in':
    case 'out':
      return false; // handled with the element's other Camunda attributes below (name: not expressible)
    default:
      notes.push(`feel key ${key}: unknown form`);
      return false;
  }
}

function mapUserTask(el: Node, feel: Readonly<Record<string, string>>, fe: (t: string) => string, used: Set<string>): void {
  if (el.$type !== 'bpmn:UserTask') return;
  const attrs: Record<string, string> = {};
  for (const prop of ['assignee', 'candidateUsers', 'candidateGroups'] as const) {
    const value = el[prop];
    if (typeof value !== 'string') continue;
    const rewritten = feel[`${el.id}.${prop}`];
    if (rewritten !== undefined) {
      attrs[prop] = `=${fe(rewritten)}`;
      used.add(`${el.id}.${prop}`);
    } else if (!value.includes('${')) {
      attrs[prop] = value;
    } else {
      throw new Error(`${el.id}: camunda:${prop} '${value}' is JUEL and the case gives no FEEL for it`);
    }
    el[prop] = undefined;
  }
  if (Object.keys(attrs).length > 0) addExtension(el, 'assignmentDefinition', attrs);
  if (typeof el.name === 'string' && el.name.includes('${')) {
    // Task names are not evaluated by our engine; the FEEL in `<id>.name` has nowhere to go.
    if (feel[`${el.id}.name`] !== undefined) used.add(`${el.id}.name`);
  }
}

function mapLoop(el: Node, feel: Readonly<Record<string, string>>, fe: (t: string) => string, used: Set<string>): void {
  const loop = el.loopCharacteristics;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics' || typeof loop.collection !== 'string') return;
  const key = `${el.id}.loopDataInputRef`;
  const text = feel[key] ?? (loop.collection.includes('${') ? undefined : loop.collection);
  if (text === undefined) throw new Error(`${el.id}: camunda:collection '${loop.collection}' is JUEL and the case gives no FEEL for it`);
  if (feel[key] !== undefined) used.add(key);
  addExtension(loop, 'loopCharacteristics', {
    inputCollection: `=${fe(text)}`,
    ...(loop.elementVariable ? { inputElement: loop.elementVariable } : {}),
  });
  loop.collection = undefined;
  loop.elementVariable = undefined;
}

/** camunda:in / camunda:out on a call activity -> zeebe:ioMapping, passing only the mapped variables (as Camunda 7 does). */
function mapCall(el: Node, feel: Readonly<Record<string, string>>, fe: (t: string) => string, used: Set<string>): void {
  if (el.$type !== 'bpmn:CallActivity') return;
  const values: Node[] = el.extensionElements?.values ?? [];
  const ins = values.filter((v) => v.$type === 'camunda:In');
  const outs = values.filter((v) => v.$type === 'camunda:Out');
  if (ins.length === 0 && outs.length === 0) return;
  const source = (m: Node, dir: 'in' | 'out'): string => {
    const key = `${el.id}.${dir}.${m.target}`;
    if (feel[key] !== undefined) {
      used.add(key);
      return `=${fe(feel[key] as string)}`;
    }
    if (m.variables === 'all') throw new Error(`${el.id}: camunda:${dir} variables="all" is not mapped`);
    if (typeof m.source === 'string') return `=${m.source}`;
    throw new Error(`${el.id}: camunda:${dir} to ${m.target} has an expression and the case gives no FEEL for it`);
  };
  const io = zeebeElement('ioMapping', {}, [
    ...ins.map((m) => zeebeElement('input', { source: source(m, 'in'), target: m.target })),
    ...outs.map((m) => zeebeElement('output', { source: source(m, 'out'), target: m.target })),
  ]);
  el.extensionElements.values = values.filter((v) => v.$type !== 'camunda:In' && v.$type !== 'camunda:Out');
  el.extensionElements.values.push(io);
  addExtension(el, 'calledElement', {
    processId: el.calledElement,
    propagateAllParentVariables: ins.length === 0,
    propagateAllChildVariables: outs.length === 0,
  });
}

function addExtension(el: Node, name: string, attrs: Record<string, unknown>): void {
  el.extensionElements ??= moddle.create('bpmn:ExtensionElements', { values: [] });
  el.extensionElements.values ??= [];
  el.extensionElements.values = el.extensionElements.values.filter((v: Node) => v.$type !== `zeebe:${name}`);
  el.extensionElements.values.push(zeebeElement(name, attrs));
}

/** Replaces a flow node by one of another type with the same id, re-pointing every reference to it. */
function retype(old: Node, type: string, defs: Node): Node {
  const next = moddle.create(type, { id: old.id, ...(old.name ? { name: old.name } : {}) });
  for (const prop of ['loopCharacteristics', 'isForCompensation', 'default', 'incoming', 'outgoing']) {
    if (old[prop] !== undefined) next[prop] = old[prop];
  }
  const parent = old.$parent;
  const list: Node[] = parent.flowElements;
  list[list.indexOf(old)] = next;
  next.$parent = parent;
  walk(defs, (node) => {
    if (node.sourceRef === old) node.sourceRef = next;
    if (node.targetRef === old) node.targetRef = next;
    if (node.attachedToRef === old) node.attachedToRef = next;
  });
  return next;
}

function walk(node: Node, visit: (n: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  visit(node);
  for (const child of [...(node.rootElements ?? []), ...(node.flowElements ?? [])]) walk(child, visit);
}
