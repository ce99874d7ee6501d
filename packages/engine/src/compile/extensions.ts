import type { ModdleElement } from 'bpmn-moddle';

/** The first extension element of a type (e.g. 'zeebe:TaskDefinition') on a BPMN element. */
export function extension(node: ModdleElement, type: string): ModdleElement | undefined {
  const ext = node.extensionElements as { values?: ModdleElement[] } | undefined;
  return ext?.values?.find((v) => v.$type === type);
}

/** The first of several extension types present, in order of preference. */
export function firstExtension(node: ModdleElement, ...types: string[]): ModdleElement | undefined {
  for (const type of types) {
    const found = extension(node, type);
    if (found) return found;
  }
  return undefined;
}

export function str(node: ModdleElement | undefined, prop: string): string | undefined {
  const value = node?.[prop];
  return typeof value === 'string' ? value : undefined;
}

export function many(node: ModdleElement | undefined, prop: string): ModdleElement[] {
  const value = node?.[prop];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

export function ref(node: ModdleElement | undefined, prop: string): ModdleElement | undefined {
  const value = node?.[prop];
  return typeof value === 'object' && value !== null ? (value as ModdleElement) : undefined;
}
