import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';

/** A JSON Patch add operation of an overlay, as template-kit takes it. */
export type FieldOp = { op: 'add'; path: string; value?: unknown };
type Fields = Record<string, FieldOp[]>;

const KINDS = ['string', 'textarea', 'number', 'date', 'boolean'] as const;
type Kind = (typeof KINDS)[number];

/** The operations that add one field to a form: the field, required if asked, and its place at the end. */
export function fieldOps(name: string, title: string, kind: Kind, required: boolean): FieldOp[] {
  const schema =
    kind === 'date'
      ? { type: 'string', format: 'date', title }
      : kind === 'textarea'
        ? { type: 'string', title, maxLength: 2000 }
        : kind === 'string'
          ? { type: 'string', title, maxLength: 200 }
          : { type: kind, title };
  return [
    { op: 'add', path: `/schema/properties/${name}`, value: schema },
    ...(required ? [{ op: 'add' as const, path: '/schema/required/-', value: name }] : []),
    ...(kind === 'textarea' ? [{ op: 'add' as const, path: `/uiSchema/${name}`, value: { 'ui:widget': 'textarea' } }] : []),
    { op: 'add', path: '/uiSchema/ui:order/-', value: name },
  ];
}

/** The field each operation is about, so a village's own field goes with all its operations. */
const fieldOf = (op: FieldOp): string =>
  op.path.startsWith('/schema/properties/') || (op.path.startsWith('/uiSchema/') && !op.path.startsWith('/uiSchema/ui:order'))
    ? (op.path.split('/').at(-1) as string)
    : String(op.value);

/**
 * The fields the unit added to the template's forms, at the places the template allows: listed
 * per form, one more added (its name, title, kind, whether required), or one of its own taken
 * away again. The template's own fields are never touched. Each change deploys anew.
 */
export function AddedFields({
  templateId,
  version,
  fields,
  onChange,
}: {
  templateId: string;
  version: string;
  fields: Fields;
  onChange(fields: Fields): Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<{ form: string; name: string; title: string; kind: Kind; required: boolean }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pkg = useQuery({
    queryKey: ['/api/templates/{id}/versions/{version}', templateId, version],
    queryFn: () => ok(api.GET('/api/templates/{id}/versions/{version}', { params: { path: { id: templateId, version } } })),
  });
  const extensible = Object.keys((pkg.data?.manifest.extensible ?? {}) as Record<string, unknown>);
  const titleOf = (key: string) => pkg.data?.forms.find((f) => f.key === key)?.title ?? key;
  const change = async (next: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      await onChange(next);
      form.resetFields();
    } catch (e) {
      setError(e instanceof Error ? e.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  };
  const added = Object.entries(fields).flatMap(([key, ops]) =>
    [...new Set(ops.filter((o) => o.path.startsWith('/schema/properties/')).map(fieldOf))].map((name) => ({ key, name, ops })),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error ? <Alert type="error" showIcon message={error} data-testid="fields-error" /> : null}
      <List
        size="small"
        dataSource={added}
        locale={{ emptyText: t('templates.noFields') }}
        data-testid="added-fields"
        renderItem={(f) => {
          const schema = f.ops.find((o) => o.path === `/schema/properties/${f.name}`)?.value as { title?: string } | undefined;
          return (
            <List.Item
              actions={[
                <Popconfirm
                  key="remove"
                  title={t('templates.removeFieldConfirm')}
                  onConfirm={() => change({ ...fields, [f.key]: f.ops.filter((o) => fieldOf(o) !== f.name) })}
                >
                  <Button size="small" danger>
                    {t('templates.removeField')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Space>
                <Tag translate="no">{titleOf(f.key)}</Tag>
                <Typography.Text translate="no">{schema?.title ?? f.name}</Typography.Text>
                <Typography.Text type="secondary" translate="no">
                  {f.name}
                </Typography.Text>
              </Space>
            </List.Item>
          );
        }}
      />
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: 'string', required: false }}
        onFinish={(v) => change({ ...fields, [v.form]: [...(fields[v.form] ?? []), ...fieldOps(v.name, v.title, v.kind, v.required)] })}
        data-testid="add-field"
      >
        <Form.Item name="form" label={t('templates.fieldForm')} rules={[{ required: true, message: t('templates.fieldFormNeeded') }]}>
          <Select
            style={{ minWidth: 180 }}
            options={extensible.map((key) => ({ value: key, label: <span translate="no">{titleOf(key)}</span> }))}
            data-testid="field-form"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('templates.fieldName')}
          rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9]*$/, message: t('templates.fieldNameRule') }]}
        >
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="title" label={t('templates.fieldTitle')} rules={[{ required: true, message: t('templates.fieldTitleNeeded') }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('templates.fieldKind')}>
          <Select style={{ width: 120 }} options={KINDS.map((k) => ({ value: k, label: t(`templates.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="required" valuePropName="checked">
          <Checkbox>{t('templates.fieldRequired')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="add-field-submit">
            {t('templates.addField')}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}
