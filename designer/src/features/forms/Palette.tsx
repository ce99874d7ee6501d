import { useDraggable } from '@dnd-kit/core';
import { Button, Card, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { KIND_LABEL, paletteId } from './kinds.ts';
import { FIELD_KINDS, type PaletteKind } from './model.ts';

function Entry({ kind, onAdd }: { kind: PaletteKind; onAdd: (kind: PaletteKind) => void }) {
  const t = useT();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: paletteId(kind) });
  return (
    <Button
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      block
      style={{
        justifyContent: 'flex-start',
        height: 'auto',
        paddingBlock: 4,
        whiteSpace: 'normal',
        textAlign: 'start',
        marginBottom: 6,
        opacity: isDragging ? 0.5 : 1,
        touchAction: 'none',
      }}
      data-testid={`palette-${kind}`}
      onClick={() => onAdd(kind)}
    >
      {t(KIND_LABEL[kind])}
    </Button>
  );
}

/** 组件库: the field types of packages/forms; drag one onto the form, or click to add it. */
export function Palette({ onAdd }: { onAdd: (kind: PaletteKind) => void }) {
  const t = useT();
  return (
    <Card size="small" title={t('forms.palette')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('forms.paletteHelp')}
      </Typography.Paragraph>
      {FIELD_KINDS.map((kind) => (
        <Entry key={kind} kind={kind} onAdd={onAdd} />
      ))}
    </Card>
  );
}
