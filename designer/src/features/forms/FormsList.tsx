import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Upload } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { Nothing, Query } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { readFormFile } from './openFile.ts';

type FormSummary = Success<'/api/forms', 'get'>['items'][number];

/** One row per form: its key at its unit, with every version. */
function byForm(items: readonly FormSummary[]) {
  const rows = new Map<string, FormSummary[]>();
  for (const f of items) rows.set(`${f.unitPath} ${f.key}`, [...(rows.get(`${f.unitPath} ${f.key}`) ?? []), f]);
  return [...rows.values()].map((versions) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    return { latest: sorted[0] as FormSummary, versions: sorted };
  });
}

/** 表单设计: the forms of my units and above them, a new one, or one opened from a JSON Schema file. */
export function FormsList() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const unitName = useUnitNames();
  const forms = useQuery({ queryKey: ['/api/forms'], queryFn: () => ok(api.GET('/api/forms')) });

  const open = async (file: File) => {
    const opened = readFormFile(await file.text());
    if (!opened.ok) message.error(t(opened.problem, { detail: opened.detail ?? '' }));
    else navigate('/forms/new', { state: { opened: opened.form, file: file.name } });
    return Upload.LIST_IGNORE;
  };

  return (
    <Card
      title={t('forms.title')}
      extra={
        <Space>
          <Upload accept=".json,application/json,application/schema+json" showUploadList={false} beforeUpload={open}>
            <Button icon={<UploadOutlined />} data-testid="open-file">
              {t('forms.openFile')}
            </Button>
          </Upload>
          <Link to="/forms/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-form">
              {t('forms.new')}
            </Button>
          </Link>
        </Space>
      }
    >
      <Query query={forms}>
        {({ items }) =>
          items.length === 0 ? (
            <Nothing>{t('forms.none')}</Nothing>
          ) : (
            <Table
              size="small"
              rowKey={(r) => r.latest.id}
              dataSource={byForm(items)}
              pagination={false}
              onRow={(r) => ({ 'data-testid': `form-${r.latest.key}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'title', title: t('forms.name'), render: (_v, r) => <span translate="no">{r.latest.title}</span> },
                { key: 'key', title: t('forms.key'), render: (_v, r) => <code translate="no">{r.latest.key}</code> },
                { key: 'unit', title: t('forms.unit'), render: (_v, r) => <span translate="no">{unitName(r.latest.unitPath)}</span> },
                { key: 'when', title: t('forms.deployedAt'), render: (_v, r) => atMinute(r.latest.deployedAt) },
                {
                  key: 'versions',
                  title: t('forms.versions'),
                  render: (_v, r) => (
                    <Space>
                      <Link to={`/forms/${r.latest.id}`} data-testid="open-latest">
                        {t('forms.latest', { version: r.latest.version })}
                      </Link>
                      {r.versions.length > 1 ? (
                        <Select
                          size="small"
                          showSearch={{ optionFilterProp: 'label' }}
                          style={{ minWidth: 110 }}
                          placeholder={t('forms.versions')}
                          options={r.versions.map((v) => ({ value: v.id, label: t('forms.openVersion', { version: v.version }) }))}
                          onChange={(id: string) => navigate(`/forms/${id}`)}
                        />
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          )
        }
      </Query>
    </Card>
  );
}
