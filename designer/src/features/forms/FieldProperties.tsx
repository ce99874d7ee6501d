import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { MASKED } from './kinds.ts';
import { type BoundKey, boundKeys, type ChoiceOption, type Field } from './model.ts';
import { FIELD_NAME } from './problems.ts';

type Patch = Partial<Omit<Field, 'id'>>;

const BOUND_LABELS: Record<BoundKey, MessageKey> = {
  minLength: 'forms.prop.minLength',
  maxLength: 'forms.prop.maxLength',
  minimum: 'forms.prop.minimum',
  maximum: 'forms.prop.maximum',
  minItems: 'forms.prop.minItems',
  maxItems: 'forms.prop.maxItems',
};

const NUMERIC = ['number', 'integer', 'money'];

function OptionsEditor({ options, onChange }: { options: readonly ChoiceOption[]; onChange: (o: ChoiceOption[]) => void }) {
  const t = useT();
  const set = (i: number, patch: Partial<ChoiceOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="options">
      {options.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, their values change as typed
        <Space.Compact key={i} style={{ width: '100%' }}>
          <Input
            aria-label={t('forms.prop.optionValue')}
            placeholder={t('forms.prop.optionValue')}
            value={o.value}
            onChange={(e) => set(i, { value: e.target.value })}
            data-testid={`option-value-${i}`}
          />
          <Input
            aria-label={t('forms.prop.optionZh')}
            placeholder={t('forms.prop.optionZh')}
            value={o.zh}
            onChange={(e) => set(i, { zh: e.target.value })}
            data-testid={`option-zh-${i}`}
          />
          <Input
            aria-label={t('forms.prop.optionEn')}
            placeholder={t('forms.prop.optionEn')}
            value={o.en}
            onChange={(e) => set(i, { en: e.target.value })}
            data-testid={`option-en-${i}`}
          />
          <Button icon={<DeleteOutlined />} aria-label={t('forms.remove')} onClick={() => onChange(options.filter((_o, j) => j !== i))} />
        </Space.Compact>
      ))}
      <Button
        icon={<PlusOutlined />}
        size="small"
        onClick={() => onChange([...options, { value: `option${options.length + 1}`, zh: '', en: '' }])}
        data-testid="add-option"
      >
        {t('forms.prop.addOption')}
      </Button>
    </Space>
  );
}

/** Two settings side by side: Chinese and English, lower and upper bound. */
function Pair({ children }: { children: ReactNode[] }) {
  return (
    <Row gutter={8}>
      {children.map((child, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a pair's two places never change
        <Col key={i} span={12}>
          {child}
        </Col>
      ))}
    </Row>
  );
}

/** The default a field starts with, in the input its type takes. */
function DefaultInput({ field, onChange }: { field: Field; onChange: (patch: Patch) => void }) {
  const t = useT();
  const set = (value: unknown) => onChange({ default: value === '' || value === null ? undefined : value });
  if (field.kind === 'boolean')
    return <Switch checked={field.default === true} onChange={(v) => set(v)} aria-label={t('forms.prop.default')} />;
  if (field.kind === 'choice')
    return (
      <Select
        allowClear
        value={typeof field.default === 'string' ? field.default : undefined}
        onChange={(v: string | undefined) => set(v)}
        options={field.options.map((o) => ({ value: o.value, label: o.zh || o.value }))}
        aria-label={t('forms.prop.default')}
        data-testid="prop-default"
      />
    );
  if (NUMERIC.includes(field.kind))
    return (
      <InputNumber
        value={typeof field.default === 'number' ? field.default : null}
        onChange={set}
        style={{ width: '100%' }}
        aria-label={t('forms.prop.default')}
      />
    );
  return (
    <Input
      value={typeof field.default === 'string' ? field.default : ''}
      onChange={(e) => set(e.target.value)}
      aria-label={t('forms.prop.default')}
    />
  );
}

/** 字段属性: what the designer sets on one field. */
export function FieldProperties({ field, onChange }: { field: Field; onChange: (patch: Patch) => void }) {
  const t = useT();
  if (field.kind === 'unsupported') {
    return (
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Alert type="info" showIcon message={t('forms.unsupportedField')} />
        <Typography.Paragraph code translate="no" style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
          {JSON.stringify(field.literal ?? field.schemaRest, null, 2)}
        </Typography.Paragraph>
      </Space>
    );
  }
  const bounds = boundKeys(field.kind);
  const grouped = field.kind === 'section' || field.kind === 'group';
  const choice = field.kind === 'choice' || field.kind === 'multiChoice';
  const bound = (value: number | null) => (value === null ? undefined : value);
  return (
    <Form layout="vertical" size="small" style={{ marginTop: 12 }} data-testid="field-properties">
      <Form.Item
        label={t('forms.prop.name')}
        help={FIELD_NAME.test(field.name) ? t('forms.prop.nameHelp') : t('forms.problem.name')}
        validateStatus={FIELD_NAME.test(field.name) ? undefined : 'error'}
      >
        <Input value={field.name} onChange={(e) => onChange({ name: e.target.value.trim() })} data-testid="prop-name" translate="no" />
      </Form.Item>
      <Pair>
        <Form.Item label={t('forms.prop.titleZh')}>
          <Input value={field.title} onChange={(e) => onChange({ title: e.target.value })} data-testid="prop-title" />
        </Form.Item>
        <Form.Item label={t('forms.prop.titleEn')}>
          <Input value={field.titleEn} onChange={(e) => onChange({ titleEn: e.target.value })} data-testid="prop-title-en" />
        </Form.Item>
      </Pair>
      <Form.Item>
        <Space>
          <Switch checked={field.required} onChange={(required) => onChange({ required })} data-testid="prop-required" />
          {t('forms.required')}
          {MASKED.includes(field.kind) ? <Tag color="orange">{t('forms.prop.masked')}</Tag> : null}
        </Space>
      </Form.Item>
      {bounds ? (
        <Pair>
          {bounds.map((key, i) => (
            <Form.Item key={key} label={t(BOUND_LABELS[key])}>
              <InputNumber
                style={{ width: '100%' }}
                value={(i === 0 ? field.min : field.max) ?? null}
                min={NUMERIC.includes(field.kind) ? undefined : 0}
                onChange={(v) => onChange(i === 0 ? { min: bound(v) } : { max: bound(v) })}
                data-testid={`prop-${key}`}
              />
            </Form.Item>
          ))}
        </Pair>
      ) : null}
      {choice ? (
        <Form.Item label={t('forms.prop.options')}>
          <OptionsEditor options={field.options} onChange={(options) => onChange({ options })} />
        </Form.Item>
      ) : null}
      {field.kind === 'group' ? (
        <Form.Item>
          <Space>
            <Switch checked={field.table} onChange={(table) => onChange({ table })} data-testid="prop-table" />
            {t('forms.prop.table')}
          </Space>
        </Form.Item>
      ) : null}
      <Pair>
        <Form.Item label={t('forms.prop.helpZh')}>
          <Input.TextArea autoSize value={field.help} onChange={(e) => onChange({ help: e.target.value })} data-testid="prop-help" />
        </Form.Item>
        <Form.Item label={t('forms.prop.helpEn')}>
          <Input.TextArea autoSize value={field.helpEn} onChange={(e) => onChange({ helpEn: e.target.value })} />
        </Form.Item>
      </Pair>
      {grouped || field.kind === 'multiChoice' || field.kind.startsWith('attachment') ? null : (
        <Form.Item label={t('forms.prop.default')}>
          <DefaultInput field={field} onChange={onChange} />
        </Form.Item>
      )}
    </Form>
  );
}
