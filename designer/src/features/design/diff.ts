import { diff } from 'bpmn-js-differ';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { moddleExtensions } from './moddle.ts';

/**
 * What changed between two versions of a procedure, element by element.
 *
 * bpmn-js-differ says which elements were added, removed, changed or only moved on the canvas. For a
 * changed element it names the attributes that changed, but not what changed inside extension
 * elements (a new sz:assignment candidateGroups shows as the task changed, with no attribute), and it
 * swaps its oldValue and newValue. So the words for a change come from comparing each element's
 * properties here, extension elements (sz:, zeebe:, unknown ones) and attributes of other namespaces
 * included; this also finds a change bpmn-js-differ missed.
 */

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/** One property that differs: `sz:assignment.candidateGroups`, `sz:form.fields[title].access`, `name`. */
export interface PropertyChange {
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
}

export interface ElementChange {
  readonly kind: ChangeKind;
  readonly id: string;
  /** `bpmn:UserTask`. */
  readonly type: string;
  /** Its name; for a connection without one, its ends: 填写申报 → 书记审核. */
  readonly name?: string;
  /** For a change: what differs, in path order. */
  readonly properties: readonly PropertyChange[];
}

/** Children drawn and compared as elements of their own, and references the flows already say. */
const NOT_COMPARED = new Set(['id', 'flowElements', 'artifacts', 'laneSets', 'childLaneSet', 'incoming', 'outgoing', 'lanes']);

/** The elements bpmn-js-differ tracks, which are the ones a change may name. */
const TRACKED = ['bpmn:FlowElement', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:MessageFlow', 'bpmn:Process', 'bpmn:DataAssociation'];

type Instance = ModdleElement & { $instanceOf(type: string): boolean };

const isElement = (value: unknown): value is Instance =>
  typeof value === 'object' && value !== null && typeof (value as { $instanceOf?: unknown }).$instanceOf === 'function';

/** How an item of a list is told apart from its siblings: a field rule by its field, a header by its key. */
function itemKey(item: unknown, index: number): { key: string; by?: string } {
  if (isElement(item)) {
    for (const by of ['name', 'key']) {
      const value = item.$descriptor.isGeneric ? item[by] : item.$descriptor.propertiesByName[by] && item.get(by);
      if (typeof value === 'string' && value !== '') return { key: value, by };
    }
  }
  return { key: String(index) };
}

/** A property as compared (a reference by the id it points at) and as shown (by the name there). */
interface Value {
  readonly compared: string;
  readonly shown: string;
}

const plain = (text: string): Value => ({ compared: text, shown: text });

/** A referenced element as people know it: by its name, else its id. */
const referenced = (value: unknown): string => {
  if (!isElement(value)) return String(value);
  const name = value.$descriptor.propertiesByName.name && value.get('name');
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : String(value.id);
};

type Properties = Map<string, Value>;

/** Every property of an element by its path, for comparing two versions of it. */
export function propertiesOf(element: ModdleElement): Properties {
  const out: Properties = new Map();
  flatten(element, '', out);
  return out;
}

/** `skip`: the property an item is keyed by, already in its path. */
function flatten(element: ModdleElement, prefix: string, out: Properties, skip?: string): void {
  const { $descriptor: descriptor } = element;
  for (const [name, value] of Object.entries(element.$attrs ?? {})) {
    if (!name.startsWith('xmlns')) out.set(`${prefix}${name}`, plain(value));
  }
  if (descriptor.isGeneric) {
    // An element of a namespace the designer has no descriptor for: its attributes, text and children.
    for (const [name, value] of Object.entries(element)) {
      if (name === '$body' && typeof value === 'string') out.set(`${prefix}text`, plain(value));
      else if (name === '$children' && Array.isArray(value))
        eachItem(value, (child) => String((child as ModdleElement).$type), out, prefix);
      else if (!name.startsWith('$') && name !== skip) out.set(`${prefix}${name}`, plain(String(value)));
    }
    return;
  }
  for (const property of descriptor.properties) {
    if (property.isVirtual || NOT_COMPARED.has(property.name) || property.name === skip || (property.isMany && property.isReference)) {
      continue;
    }
    const value = element.get(property.name);
    if (value === undefined || value === null) continue;
    if (property.isReference) {
      // Compared by what it points at, so renaming the step a flow leads to changes the step, not the flow.
      out.set(`${prefix}${property.name}`, { compared: `#${isElement(value) ? value.id : value}`, shown: referenced(value) });
    } else if (property.name === 'extensionElements' && isElement(value)) {
      // Extension elements by their type, as people name them: sz:assignment, zeebe:taskDefinition.
      const values = (value.get('values') as ModdleElement[] | undefined) ?? [];
      const seen = new Map<string, number>();
      for (const item of values) {
        const type = item.$type.replace(/:(\w)/, (_, first: string) => `:${first.toLowerCase()}`);
        const count = (seen.get(type) ?? 0) + 1;
        seen.set(type, count);
        each(item, count === 1 ? type : `${type}#${count}`, out, prefix);
      }
    } else if (Array.isArray(value)) {
      eachItem(value, () => property.name, out, prefix);
    } else {
      each(value, property.name, out, prefix);
    }
  }
}

/** A list's items, each under `name[key]`: `fields[title]`, or a generic child by its type. */
function eachItem(items: unknown[], name: (item: unknown) => string, out: Properties, prefix: string): void {
  for (const [i, item] of items.entries()) {
    const { key, by } = itemKey(item, i);
    each(item, `${name(item)}[${key}]`, out, prefix, by);
  }
}

function each(value: unknown, name: string, out: Properties, prefix = '', skip?: string): void {
  const path = `${prefix}${name}`;
  if (!isElement(value)) {
    out.set(path, plain(String(value)));
    return;
  }
  const before = out.size;
  flatten(value, `${path}.`, out, skip);
  // An element with nothing to say (an empty <sz:form/>) still counts as being there.
  if (out.size === before) out.set(path, plain(''));
}

function differing(before: Properties, after: Properties): PropertyChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => before.get(path)?.compared !== after.get(path)?.compared)
    .map((path) => {
      const [was, is] = [before.get(path), after.get(path)];
      return { path, ...(was ? { before: was.shown } : {}), ...(is ? { after: is.shown } : {}) };
    });
}

const nameOf = (element: ModdleElement): { name?: string } => {
  const name = element.$descriptor.propertiesByName.name && element.get('name');
  if (typeof name === 'string' && name.trim() !== '') return { name: name.trim() };
  const [source, target] = [element.get('sourceRef'), element.get('targetRef')];
  return isElement(source) && isElement(target) ? { name: `${referenced(source)} → ${referenced(target)}` } : {};
};

const summary = (kind: ChangeKind, element: ModdleElement, properties: PropertyChange[] = []): ElementChange => ({
  kind,
  id: String(element.id),
  type: element.$type,
  ...nameOf(element),
  properties,
});

/** Both versions read, then compared: what was added, changed or moved in the newer one's element order, then what was removed. */
export async function diffVersions(beforeXml: string, afterXml: string): Promise<ElementChange[]> {
  const moddle = new BpmnModdle(moddleExtensions);
  const before = await moddle.fromXML(beforeXml);
  const after = await moddle.fromXML(afterXml);
  const changes = diff(before.rootElement, after.rootElement);
  const tracked = (element: ModdleElement | undefined): element is Instance =>
    isElement(element) && TRACKED.some((type) => element.$instanceOf(type));

  const result: ElementChange[] = [];
  for (const [id, element] of Object.entries(after.elementsById)) {
    if (changes._added[id]) {
      result.push(summary('added', element));
      continue;
    }
    const old = before.elementsById[id];
    if (!tracked(element) || !tracked(old)) continue;
    const properties = differing(propertiesOf(old), propertiesOf(element));
    if (old.$type !== element.$type) properties.unshift({ path: '$type', before: old.$type, after: element.$type });
    if (properties.length > 0) result.push(summary('changed', element, properties));
    else if (changes._layoutChanged[id]) result.push(summary('moved', element));
  }
  for (const element of Object.values(changes._removed)) result.push(summary('removed', element));
  return result;
}
