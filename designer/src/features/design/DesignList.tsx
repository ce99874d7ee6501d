import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { Nothing, Query } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { OpenFileButton } from './OpenFileButton.tsx';

type Definition = Success<'/api/process-definitions', 'get'>['items'][number];

/** A procedure as the list shows it: a key at a unit, by its newest version, with how many there are. */
interface Procedure {
  readonly latest: Definition;
  readonly versions: number;
}

function procedures(items: readonly Definition[]): Procedure[] {
  const byKey = new Map<string, Procedure>();
  for (const d of items) {
    const at = `${d.unitPath}\u0000${d.key}`;
    const seen = byKey.get(at);
    byKey.set(at, { latest: !seen || d.version > seen.latest.version ? d : seen.latest, versions: (seen?.versions ?? 0) + 1 });
  }
  return [...byKey.values()];
}

/** 流程设计: the procedures deployed in my units, each opening in the editor; a new one, or a .bpmn file from another modeler. */
export function DesignList() {
  const t = useT();
  const navigate = useNavigate();
  const unitName = useUnitNames();
  const definitions = useQuery({ queryKey: ['/api/process-definitions'], queryFn: () => ok(api.GET('/api/process-definitions')) });
  return (
    <Card
      title={t('design.title')}
      extra={
        <Space wrap>
          <OpenFileButton onOpen={(file) => navigate('/design/new', { state: { file } })} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/design/new')} data-testid="design-new">
            {t('design.new')}
          </Button>
        </Space>
      }
    >
      <Query query={definitions}>
        {({ items }) =>
          items.length === 0 ? (
            <Nothing>{t('design.none')}</Nothing>
          ) : (
            <Table<Procedure>
              rowKey={(p) => p.latest.id}
              dataSource={procedures(items)}
              pagination={false}
              size="middle"
              columns={[
                {
                  title: t('design.column.name'),
                  render: (_, p) => (
                    <Link to={`/design/${p.latest.id}`} translate="no" data-testid="design-open">
                      {p.latest.name ?? p.latest.key}
                    </Link>
                  ),
                },
                { title: t('design.column.key'), render: (_, p) => <code translate="no">{p.latest.key}</code> },
                { title: t('design.column.version'), render: (_, p) => <Tag>{`v${p.latest.version}`}</Tag> },
                { title: t('design.column.unit'), render: (_, p) => <span translate="no">{unitName(p.latest.unitPath)}</span> },
                { title: t('design.column.deployedAt'), render: (_, p) => atMinute(p.latest.deployedAt) },
                {
                  title: t('design.column.actions'),
                  render: (_, p) => (
                    <Space>
                      <Link to={`/design/${p.latest.id}`}>{t('design.edit')}</Link>
                      <Link to={`/design/${encodeURIComponent(p.latest.key)}/versions?unit=${encodeURIComponent(p.latest.unitPath)}`}>
                        {t('design.versions', { count: p.versions })}
                      </Link>
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
