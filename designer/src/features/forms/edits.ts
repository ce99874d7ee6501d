import type { Container, Field, FormModel } from './model.ts';

/** Where fields sit: the form itself (`root`) or inside the section or repeating group with this id. */
export type Place = 'root' | string;

function mapContainers(container: Container, place: Place, here: Place, change: (c: Container) => Container): Container {
  const fields = container.fields.map((f) => (f.inner ? { ...f, inner: mapContainers(f.inner, f.id, here, change) } : f));
  const next = { ...container, fields };
  return place === here ? change(next) : next;
}

/** The model with the container at `place` changed. */
function inContainer(model: FormModel, place: Place, change: (c: Container) => Container): FormModel {
  return { ...model, root: mapContainers(model.root, 'root', place, change) };
}

export function findField(container: Container, id: string): Field | undefined {
  for (const f of container.fields) {
    if (f.id === id) return f;
    const inside = f.inner && findField(f.inner, id);
    if (inside) return inside;
  }
  return undefined;
}

/** The container holding the field, and the field's index in it. */
export function placeOf(model: FormModel, id: string): { place: Place; index: number } | undefined {
  const search = (container: Container, place: Place): { place: Place; index: number } | undefined => {
    const index = container.fields.findIndex((f) => f.id === id);
    if (index >= 0) return { place, index };
    for (const f of container.fields) {
      const found = f.inner && search(f.inner, f.id);
      if (found) return found;
    }
    return undefined;
  };
  return search(model.root, 'root');
}

export function containerAt(model: FormModel, place: Place): Container | undefined {
  return place === 'root' ? model.root : findField(model.root, place)?.inner;
}

export function insertField(model: FormModel, field: Field, place: Place, index?: number): FormModel {
  return inContainer(model, place, (c) => {
    const at = index === undefined ? c.fields.length : Math.max(0, Math.min(index, c.fields.length));
    return { ...c, fields: [...c.fields.slice(0, at), field, ...c.fields.slice(at)] };
  });
}

export function removeField(model: FormModel, id: string): FormModel {
  const where = placeOf(model, id);
  if (!where) return model;
  return inContainer(model, where.place, (c) => ({ ...c, fields: c.fields.filter((f) => f.id !== id) }));
}

export function updateField(model: FormModel, id: string, patch: Partial<Omit<Field, 'id'>>): FormModel {
  const where = placeOf(model, id);
  if (!where) return model;
  return inContainer(model, where.place, (c) => ({ ...c, fields: c.fields.map((f) => (f.id === id ? { ...f, ...patch } : f)) }));
}

/**
 * The field moved to `index` of the container at `place` (counted as if the field were already
 * out; last when none). A section cannot go inside itself; such a move changes nothing.
 */
export function moveField(model: FormModel, id: string, place: Place, index?: number): FormModel {
  const field = findField(model.root, id);
  if (!field || (place !== 'root' && (place === id || (field.inner && findField(field.inner, place))))) return model;
  return insertField(removeField(model, id), field, place, index);
}

/** One step up (-1) or down (+1) among its neighbours: the keyboard's way of dragging. */
export function moveBy(model: FormModel, id: string, delta: -1 | 1): FormModel {
  const where = placeOf(model, id);
  if (!where) return model;
  return moveField(model, id, where.place, where.index + delta);
}

/** The first `field1`, `field2`… no field of the container is named yet. */
export function freeName(container: Container | undefined, stem = 'field'): string {
  const taken = new Set((container?.fields ?? []).map((f) => f.name));
  let n = 1;
  while (taken.has(`${stem}${n}`)) n += 1;
  return `${stem}${n}`;
}

/**
 * The field a JSON pointer into the definition names (`/schema/properties/members/items/properties/name/maxLength`):
 * the deepest field on its way, which is where the server's problem is shown.
 */
export function fieldAtPointer(model: FormModel, pointer: string): Field | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (segments[0] === 'schema') segments.shift();
  let container: Container | undefined = model.root;
  let found: Field | undefined;
  for (let i = 0; i < segments.length && container; i++) {
    if (segments[i] === 'items' && found?.kind === 'group') continue;
    if (segments[i] !== 'properties') break;
    const next: Field | undefined = container.fields.find((f) => f.name === segments[i + 1]);
    if (!next) break;
    found = next;
    container = next.inner;
    i += 1;
  }
  return found;
}

/** Every field of the container, depth first: sections and groups before their own fields. */
export function allFields(container: Container): Field[] {
  return container.fields.flatMap((f) => [f, ...(f.inner ? allFields(f.inner) : [])]);
}
