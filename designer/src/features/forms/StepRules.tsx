import { Collapse, Radio, Table, Typography } from 'antd';
import { useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { FieldRule } from '../../shared/form/index.ts';

type Access = FieldRule['access'];

const ACCESS: { value: Access; label: MessageKey }[] = [
  { value: 'editable', label: 'forms.rules.editable' },
  { value: 'readonly', label: 'forms.rules.readonly' },
  { value: 'hidden', label: 'forms.rules.hidden' },
  { value: 'required', label: 'forms.rules.required' },
];

export interface StepRulesProps {
  /** The form's top-level fields (rules name only those): name and label. */
  readonly fields: readonly { name: string; title: string }[];
  readonly rules: readonly FieldRule[];
  onChange(rules: FieldRule[]): void;
}

/**
 * 字段规则 as a grid, field × access, to see the form as one step of a procedure shows it. The
 * procedure designer sets them per step (sz:field); here they only shape the preview and its 试提交.
 */
export function StepRules({ fields, rules, onChange }: StepRulesProps) {
  const t = useT();
  const accessOf = (name: string) => rules.find((r) => r.field === name)?.access ?? 'editable';
  const set = (field: string, access: Access) =>
    onChange([...rules.filter((r) => r.field !== field), ...(access === 'editable' ? [] : [{ field, access }])]);
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      items={[
        {
          key: 'rules',
          label: t('forms.rules.title'),
          children: (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('forms.rules.help')}
              </Typography.Paragraph>
              <Table
                size="small"
                pagination={false}
                rowKey="name"
                dataSource={[...fields]}
                columns={[
                  { key: 'field', title: t('forms.rules.field'), render: (_v, f) => <span translate="no">{f.title || f.name}</span> },
                  {
                    key: 'access',
                    title: '',
                    render: (_v, f) => (
                      <Radio.Group
                        size="small"
                        optionType="button"
                        value={accessOf(f.name)}
                        onChange={(e) => set(f.name, e.target.value as Access)}
                        options={ACCESS.map((a) => ({ value: a.value, label: t(a.label) }))}
                        data-testid={`rule-${f.name}`}
                      />
                    ),
                  },
                ]}
              />
            </>
          ),
        },
      ]}
    />
  );
}
