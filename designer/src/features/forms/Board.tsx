import {
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Button, Col } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { Canvas, type CanvasProps } from './Canvas.tsx';
import { applyDrop } from './dnd.ts';
import { findField } from './edits.ts';
import { KIND_LABEL, paletteKindOf } from './kinds.ts';
import type { Field, FormModel, PaletteKind } from './model.ts';
import { Palette } from './Palette.tsx';

/**
 * Nested zones (a group inside the form) both hold the pointer: the smallest is where the
 * designer aims. What is dragged is never its own target.
 */
const innermost: CollisionDetection = (args) => {
  // The keyboard has no pointer: it moves to the nearest place.
  if (!args.pointerCoordinates) return closestCenter(args).filter((c) => c.id !== args.active.id);
  // Let go outside the form, nothing happens.
  const hits = pointerWithin(args).filter((c) => c.id !== args.active.id);
  const area = (id: string | number) => {
    const r = args.droppableRects.get(id);
    return r ? r.width * r.height : Number.POSITIVE_INFINITY;
  };
  return [...hits].sort((a, b) => area(a.id) - area(b.id));
};

export interface BoardProps extends CanvasProps {
  readonly model: FormModel;
  onChange(model: FormModel, added?: Field): void;
  onAdd(kind: PaletteKind): void;
  make(kind: PaletteKind, name: string): Field;
}

/** The palette and the form's layout, one drag and drop between them (@dnd-kit, loaded only on this screen). */
export function Board({ model, onChange, onAdd, make, ...canvas }: BoardProps) {
  const t = useT();
  const [dragging, setDragging] = useState<string>();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const end = ({ active, over }: DragEndEvent) => {
    setDragging(undefined);
    if (!over) return;
    const result = applyDrop(model, String(active.id), String(over.id), make);
    if (result.model !== model) onChange(result.model, result.added);
  };
  const kind = dragging ? paletteKindOf(dragging) : undefined;
  const label = kind ? t(KIND_LABEL[kind]) : dragging ? findField(model.root, dragging)?.title : undefined;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={innermost}
      onDragStart={({ active }) => setDragging(String(active.id))}
      onDragCancel={() => setDragging(undefined)}
      onDragEnd={end}
    >
      <Col xs={24} lg={4}>
        <Palette onAdd={onAdd} />
      </Col>
      <Col xs={24} lg={10}>
        <Canvas root={model.root} {...canvas} />
      </Col>
      <DragOverlay>{label ? <Button type="dashed">{label}</Button> : null}</DragOverlay>
    </DndContext>
  );
}
