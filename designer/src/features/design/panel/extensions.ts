import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

/** A moddle element as the panel sees it: typed properties behind get/set. */
export interface ModdleElement {
  readonly $type: string;
  $parent?: ModdleElement;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

/** A diagram element (shape or connection) whose business object the panel edits. */
export interface DiagramElement {
  readonly id: string;
  readonly type: string;
  readonly businessObject: ModdleElement;
}

interface Services {
  get(name: 'bpmnFactory'): { create(type: string, attrs?: Record<string, unknown>): ModdleElement };
  get(name: 'commandStack'): { execute(command: string, context: unknown): void };
}

interface Command {
  cmd: 'element.updateModdleProperties';
  context: { element: DiagramElement; moddleElement: ModdleElement; properties: Record<string, unknown> };
}

function extensionValues(bo: ModdleElement): ModdleElement[] {
  const ext = bo.get('extensionElements') as ModdleElement | undefined;
  return (ext?.get('values') as ModdleElement[] | undefined) ?? [];
}

/** The element's first extension of `type` (`sz:Assignment`, say), if it has one. */
export function extensionOf(element: DiagramElement, type: string): ModdleElement | undefined {
  return extensionValues(getBusinessObject(element)).find((e) => e.$type === type);
}

/** One attribute of the element's `type` extension, '' when it has none. */
export function extensionAttribute(element: DiagramElement, type: string, name: string): string {
  const value = extensionOf(element, type)?.get(name);
  return value === undefined || value === null ? '' : String(value);
}

function update(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): Command {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Sets attributes of the element's `type` extension as one undoable command, creating
 * `bpmn:extensionElements` and the extension as needed, and dropping the extension once nothing in
 * it is set (an empty `<sz:form/>` would bind no form). `names` are all the properties of the type.
 */
export function setExtension(
  services: Services,
  element: DiagramElement,
  type: string,
  names: readonly string[],
  properties: Record<string, unknown>,
): void {
  const bo = getBusinessObject(element);
  const factory = services.get('bpmnFactory');
  const stack = services.get('commandStack');
  const existing = extensionOf(element, type);
  const cleared = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, blank(v) ? undefined : v]));
  const emptied = names.every((n) => blank(n in cleared ? cleared[n] : existing?.get(n)));
  let ext = bo.get('extensionElements') as ModdleElement | undefined;
  if (emptied) {
    if (existing && ext)
      stack.execute(
        'element.updateModdleProperties',
        update(element, ext, { values: extensionValues(bo).filter((e) => e !== existing) }).context,
      );
    return;
  }
  const commands: Command[] = [];
  if (!ext) {
    ext = factory.create('bpmn:ExtensionElements', { values: [] });
    ext.$parent = bo;
    commands.push(update(element, bo, { extensionElements: ext }));
  }
  let extension = existing;
  if (!extension) {
    extension = factory.create(type);
    extension.$parent = ext;
    commands.push(update(element, ext, { values: [...extensionValues(bo), extension] }));
  }
  commands.push(update(element, extension, cleared));
  stack.execute('properties-panel.multi-command-executor', commands);
}

/** Creates a moddle element (an `sz:Field`, a `bpmn:FormalExpression`) under `parent`. */
export function createModdle(services: Services, type: string, attrs: Record<string, unknown>, parent: ModdleElement): ModdleElement {
  const created = services.get('bpmnFactory').create(type, attrs);
  created.$parent = parent;
  return created;
}

export type { Services };
