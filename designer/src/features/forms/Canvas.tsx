import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { zoneId } from './dnd.ts';
import type { Place } from './edits.ts';
import { KIND_LABEL } from './kinds.ts';
import type { Container, Field } from './model.ts';

export interface CanvasProps {
  readonly selected?: string;
  readonly problems: ReadonlyMap<string, readonly MessageKey[]>;
  readonly serverProblems: ReadonlyMap<string, readonly string[]>;
  /** A field chosen, or none (a click beside the fields closes the properties). */
  onSelect(id: string | undefined): void;
  onMove(id: string, delta: -1 | 1): void;
  onRemove(id: string): void;
  /** The properties of the selected field, shown under it. */
  properties(field: Field): ReactNode;
}

/** Where fields can be dropped: the form, a section, a repeating group's row. */
function Zone({ place, container, empty, ...props }: CanvasProps & { place: Place; container: Container; empty: MessageKey }) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: zoneId(place) });
  return (
    <div
      ref={setNodeRef}
      data-testid={`zone-${place}`}
      style={{
        minHeight: 56,
        padding: 6,
        borderRadius: 6,
        border: `1px dashed ${isOver ? '#c0392b' : '#d9d9d9'}`,
        background: isOver ? '#fff1f0' : undefined,
      }}
    >
      <SortableContext items={container.fields.map((f) => f.id)} strategy={verticalListSortingStrategy}>
        {container.fields.map((f, i) => (
          <FieldCard key={f.id} field={f} first={i === 0} last={i === container.fields.length - 1} {...props} />
        ))}
      </SortableContext>
      {container.fields.length === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', padding: 12 }}>
          {t(empty)}
        </Typography.Text>
      ) : null}
    </div>
  );
}

function FieldCard({ field, first, last, ...props }: CanvasProps & { field: Field; first: boolean; last: boolean }) {
  const { t, language } = useI18n();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: field.id });
  const selected = props.selected === field.id;
  const problems = [...(props.problems.get(field.id) ?? []).map((k) => t(k)), ...(props.serverProblems.get(field.id) ?? [])];
  const body = selected || field.inner !== undefined || problems.length > 0;
  return (
    <div
      ref={setNodeRef}
      data-field={field.name}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.4 : 1, marginBottom: 8 }}
    >
      <Card
        size="small"
        data-testid={`field-${field.name}`}
        styles={{ body: body ? undefined : { display: 'none' } }}
        style={{ borderColor: problems.length > 0 ? '#ff4d4f' : selected ? '#c0392b' : undefined, cursor: 'pointer' }}
        onClick={(e) => {
          e.stopPropagation();
          props.onSelect(field.id);
        }}
        title={
          <Space size={6}>
            <HolderOutlined {...attributes} {...listeners} style={{ cursor: 'grab', touchAction: 'none' }} aria-label={field.name} />
            <span translate="no">{(language === 'en' && field.titleEn) || field.title || field.name}</span>
            {field.required ? <Typography.Text type="danger">*</Typography.Text> : null}
            <Tag>{t(KIND_LABEL[field.kind])}</Tag>
            <Typography.Text type="secondary" code translate="no">
              {field.name}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space size={0} onClick={(e) => e.stopPropagation()}>
            {(
              [
                [-1, ArrowUpOutlined, 'forms.moveUp', 'move-up', first],
                [1, ArrowDownOutlined, 'forms.moveDown', 'move-down', last],
              ] as const
            ).map(([by, Icon, label, testId, disabled]) => (
              <Button
                key={testId}
                type="text"
                size="small"
                icon={<Icon />}
                disabled={disabled}
                aria-label={t(label)}
                title={t(label)}
                data-testid={testId}
                onClick={() => props.onMove(field.id, by)}
              />
            ))}
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('forms.remove')}
              title={t('forms.remove')}
              data-testid="remove-field"
              onClick={() => props.onRemove(field.id)}
            />
          </Space>
        }
      >
        {problems.map((p) => (
          <div key={p} className="ant-form-item-explain-error" data-testid="field-problem">
            {p}
          </div>
        ))}
        {field.inner ? <Zone place={field.id} container={field.inner} empty="forms.groupEmpty" {...props} /> : null}
        {selected ? props.properties(field) : null}
      </Card>
    </div>
  );
}

/** 表单结构: the form's fields in order, sections and repeating groups holding theirs. */
export function Canvas({ root, ...props }: CanvasProps & { root: Container }) {
  const t = useT();
  return (
    <Card size="small" title={t('forms.canvas')} data-testid="canvas" onClick={() => props.onSelect(undefined)}>
      <Zone place="root" container={root} empty="forms.canvasEmpty" {...props} />
    </Card>
  );
}
