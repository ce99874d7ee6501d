import { Col, Form, Input, Row, Select } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { useUnitNames } from '../../shared/names.ts';

export interface Meta {
  readonly key: string;
  readonly title: string;
  readonly titleEn: string;
  readonly unit: string | undefined;
}

/** The form as a whole: its key, its title in both languages, and the unit it is published at. */
export function FormMeta({
  value,
  units,
  problems,
  onChange,
}: {
  value: Meta;
  units: readonly string[];
  /** Shown once the designer tried to publish. */
  problems: { key?: string; title?: string };
  onChange: (patch: Partial<Meta>) => void;
}) {
  const t = useT();
  const unitName = useUnitNames();
  return (
    <Form layout="vertical" size="small">
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item label={t('forms.key')} help={problems.key ?? t('forms.keyHelp')} validateStatus={problems.key ? 'error' : undefined}>
            <Input value={value.key} onChange={(e) => onChange({ key: e.target.value.trim() })} data-testid="form-key" translate="no" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('forms.titleZh')} help={problems.title} validateStatus={problems.title ? 'error' : undefined}>
            <Input value={value.title} onChange={(e) => onChange({ title: e.target.value })} data-testid="form-title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('forms.titleEn')}>
            <Input value={value.titleEn} onChange={(e) => onChange({ titleEn: e.target.value })} data-testid="form-title-en" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('forms.unit')}>
            <Select
              value={value.unit}
              onChange={(unit: string) => onChange({ unit })}
              options={units.map((u) => ({ value: u, label: <span translate="no">{unitName(u)}</span> }))}
              data-testid="form-unit"
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
