import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ErrorSchema, FieldProps, RJSFSchema } from '@rjsf/utils';
import { Button, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';

type Row = Record<string, unknown>;

interface Column {
  readonly name: string;
  readonly schema: RJSFSchema;
  /** The choices' names (`ui:enumNames` of the column), where the form gives them. */
  readonly names?: readonly string[];
}

/** One cell: text, a number, or a choice, as its column's schema says. */
function Cell({
  column,
  value,
  disabled,
  onChange,
}: {
  column: Column;
  value: unknown;
  disabled: boolean;
  onChange: (v: unknown) => void;
}) {
  const { schema } = column;
  const label = schema.title ?? column.name;
  if (Array.isArray(schema.enum)) {
    return (
      <Select
        aria-label={label}
        style={{ minWidth: 100 }}
        disabled={disabled}
        value={value as string | undefined}
        onChange={onChange}
        options={schema.enum.map((v, i) => ({ value: v as string, label: column.names?.[i] ?? String(v) }))}
      />
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return (
      <InputNumber
        aria-label={label}
        disabled={disabled}
        value={typeof value === 'number' ? value : null}
        precision={schema.type === 'integer' ? 0 : undefined}
        onChange={(v) => onChange(v ?? undefined)}
      />
    );
  }
  return (
    <Input
      aria-label={label}
      disabled={disabled}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value || undefined)}
    />
  );
}

/** The messages rjsf found in the rows, as `第 2 行 姓名：…`. */
function rowErrors(errors: ErrorSchema | undefined, columns: readonly Column[], rowLabel: (n: number) => string): string[] {
  const out: string[] = [];
  for (const [index, row] of Object.entries((errors ?? {}) as Record<string, ErrorSchema>)) {
    if (index === '__errors') continue;
    for (const c of columns) {
      for (const message of (row as Record<string, { __errors?: string[] }>)[c.name]?.__errors ?? []) {
        out.push(`${rowLabel(Number(index) + 1)} ${c.schema.title ?? c.name}：${message}`);
      }
    }
  }
  return out;
}

/**
 * 子表 (`ui:field: table`): a list of records edited as a table, a row per record and a column
 * per property, as paper registers are kept (家庭成员, 参会人员, 租户名单).
 */
export function SubTable(props: FieldProps) {
  const t = useT();
  const items = props.schema.items as RJSFSchema | undefined;
  const rowUi = (props.uiSchema?.items ?? {}) as Record<string, { 'ui:enumNames'?: string[] } | undefined>;
  const columns: Column[] = Object.entries((items?.properties ?? {}) as Record<string, RJSFSchema>).map(([name, schema]) => {
    const names = rowUi[name]?.['ui:enumNames'];
    return { name, schema, ...(Array.isArray(names) ? { names } : {}) };
  });
  const rows: Row[] = Array.isArray(props.formData) ? (props.formData as Row[]) : [];
  const disabled = Boolean(props.disabled || props.readonly);
  const change = (next: Row[]) => props.onChange(next, props.fieldPathId.path);
  const errors = rowErrors(props.errorSchema, columns, (n) => t('form.row', { n }));

  return (
    <div id={props.fieldPathId.$id}>
      <Typography.Text strong>{props.schema.title ?? props.name}</Typography.Text>
      <Table<Row & { __key: number }>
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey="__key"
        dataSource={rows.map((r, i) => ({ ...r, __key: i }))}
        columns={[
          ...columns.map((c) => ({
            key: c.name,
            title: c.schema.title ?? c.name,
            render: (_: unknown, row: Row & { __key: number }) => (
              <Cell
                column={c}
                value={row[c.name]}
                disabled={disabled}
                onChange={(v) => change(rows.map((r, i) => (i === row.__key ? { ...r, [c.name]: v } : r)))}
              />
            ),
          })),
          ...(disabled
            ? []
            : [
                {
                  key: '__remove',
                  title: '',
                  width: 48,
                  render: (_: unknown, row: Row & { __key: number }) => (
                    <Button
                      aria-label={t('form.remove')}
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => change(rows.filter((_r, i) => i !== row.__key))}
                    />
                  ),
                },
              ]),
        ]}
      />
      {disabled ? null : (
        <Button icon={<PlusOutlined />} onClick={() => change([...rows, {}])} style={{ marginTop: 8 }}>
          {t('form.add')}
        </Button>
      )}
      {errors.map((e) => (
        <div key={e} className="ant-form-item-explain-error">
          {e}
        </div>
      ))}
    </div>
  );
}
