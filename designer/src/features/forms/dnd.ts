import { containerAt, freeName, insertField, moveField, type Place, placeOf } from './edits.ts';
import { paletteKindOf } from './kinds.ts';
import type { Field, FormModel, PaletteKind } from './model.ts';

/** A container's drop zone, as dnd-kit knows it (`zone:root`, `zone:f12`). */
export const zoneId = (place: Place) => `zone:${place}`;

/**
 * The form after a drop: a palette entry becomes a new field, a field moves. Dropped on a field,
 * it takes that field's place (the field and those after it move down); dropped on a zone, it
 * goes last in that section or group.
 */
export function applyDrop(
  model: FormModel,
  dragged: string,
  over: string,
  make: (kind: PaletteKind, name: string) => Field,
): { model: FormModel; added?: Field } {
  const target = targetOf(model, over);
  if (!target) return { model };
  const kind = paletteKindOf(dragged);
  if (kind) {
    const field = make(kind, freeName(containerAt(model, target.place)));
    return { model: insertField(model, field, target.place, target.index), added: field };
  }
  if (dragged === over) return { model };
  return { model: moveField(model, dragged, target.place, target.index) };
}

function targetOf(model: FormModel, over: string): { place: Place; index?: number } | undefined {
  if (over.startsWith('zone:')) {
    const place = over.slice('zone:'.length);
    const container = containerAt(model, place);
    return container ? { place } : undefined;
  }
  return placeOf(model, over);
}
