import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { usePeople } from '../../shared/people.ts';
import { Loading, Nothing, Query } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { filled } from './changeWords.ts';
import { type OpenedFile, OpenFileButton } from './OpenFileButton.tsx';
import type { DiffSide } from './VersionDiff.tsx';
import { Words } from './Words.tsx';

const VersionDiff = lazy(() => import('./VersionDiff.tsx'));

type Definition = Success<'/api/process-definitions', 'get'>['items'][number];

const versionSide = (d: Definition, title: string): DiffSide => ({
  key: d.id,
  title,
  label: title,
  xml: async () => (await ok(api.GET('/api/process-definitions/{id}/xml', { params: { path: { id: d.id } }, parseAs: 'text' }))) as string,
});

/** A model opened from this computer (drawn in Camunda Modeler, say), to see what deploying it would change. */
type ComparedFile = OpenedFile & { readonly opened: number };

/** Newest first; per unit, the newest version is the one its new instances start. */
function withLatest(items: readonly Definition[]): (Definition & { latest: boolean })[] {
  const newest = new Map<string, number>();
  for (const d of items) newest.set(d.unitPath, Math.max(newest.get(d.unitPath) ?? 0, d.version));
  return [...items]
    .sort((a, b) => Date.parse(b.deployedAt) - Date.parse(a.deployedAt) || b.version - a.version)
    .map((d) => ({ ...d, latest: newest.get(d.unitPath) === d.version }));
}

/** The two ticked, older first, as the diff reads them. */
function ordered(rows: readonly Definition[], ids: readonly string[]): [Definition, Definition] | undefined {
  const picked = rows.filter((d) => ids.includes(d.id));
  if (picked.length !== 2) return undefined;
  const [a, b] = picked.sort((x, y) => Date.parse(x.deployedAt) - Date.parse(y.deployedAt) || x.version - y.version) as [
    Definition,
    Definition,
  ];
  return [a, b];
}

/**
 * /design/:key/versions[?unit=]: every version of one procedure in the units I reach (or at one unit),
 * with who deployed it when and why; tick two to see what changed between them.
 */
export function Versions() {
  const t = useT();
  const { key = '' } = useParams();
  // ?unit= (from the procedure list): that unit's versions only; without it, every unit in reach.
  const [search] = useSearchParams();
  const unit = search.get('unit');
  const unitName = useUnitNames();
  const people = usePeople();
  // Until the person ticks: the two newest, so the latest change shows at once.
  const [ticked, setPicked] = useState<string[]>();
  const [file, setFile] = useState<ComparedFile>();
  const versions = useQuery({
    queryKey: ['/api/process-definitions', { key }],
    queryFn: () => ok(api.GET('/api/process-definitions', { params: { query: { key } } })),
  });
  const rows = withLatest((versions.data?.items ?? []).filter((d) => unit === null || d.unitPath === unit));

  const picked = ticked ?? rows.slice(0, 2).map((d) => d.id);
  const pair = ordered(rows, picked);
  const name = rows[0]?.name ?? key;
  // A file is compared with the newer of the versions ticked, else the newest.
  const base = pair?.[1] ?? rows.find((d) => picked.includes(d.id)) ?? rows[0];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<Words parts={filled(t('versions.title'), { name: { text: name, data: true } })} />}
        extra={
          <OpenFileButton
            label={t('versions.file.open')}
            testId="versions-file"
            onOpen={(opened) => setFile({ ...opened, opened: Date.now() })}
          />
        }
      >
        <Query query={versions}>
          {() =>
            rows.length === 0 ? (
              <Nothing>{t('versions.none')}</Nothing>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">{t('versions.intro')}</Typography.Text>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  scroll={{ x: true }}
                  data-testid="versions-table"
                  dataSource={rows}
                  rowSelection={{
                    selectedRowKeys: picked,
                    // Two at most: ticking a third lets the oldest tick go.
                    onChange: (keys) => setPicked((keys as string[]).slice(-2)),
                    getCheckboxProps: (d) => ({ 'aria-label': `v${d.version}`, 'data-testid': `pick-v${d.version}` }) as never,
                  }}
                  columns={[
                    {
                      title: t('versions.version'),
                      key: 'version',
                      render: (_, d) => (
                        <Space>
                          <Typography.Text strong>{`v${d.version}`}</Typography.Text>
                          {d.latest ? <Tag color="blue">{t('versions.latest')}</Tag> : null}
                        </Space>
                      ),
                    },
                    { title: t('versions.unit'), key: 'unit', render: (_, d) => <span translate="no">{unitName(d.unitPath)}</span> },
                    { title: t('versions.deployedAt'), key: 'at', render: (_, d) => atMinute(d.deployedAt) },
                    {
                      title: t('versions.deployedBy'),
                      key: 'by',
                      render: (_, d) => <span translate="no">{people.name(d.deployedBy)}</span>,
                    },
                    {
                      title: t('versions.note'),
                      key: 'note',
                      render: (_, d) =>
                        d.note ? (
                          <span translate="no">{d.note}</span>
                        ) : (
                          <Typography.Text type="secondary">{t('versions.noNote')}</Typography.Text>
                        ),
                    },
                  ]}
                />
              </Space>
            )
          }
        </Query>
      </Card>
      {file && base ? (
        <Card
          title={
            <Words
              parts={filled(t('versions.file.comparing'), {
                version: { text: String(base.version), data: false },
                name: { text: file.name ?? '', data: true },
              })}
            />
          }
          extra={<Button onClick={() => setFile(undefined)}>{t('versions.file.close')}</Button>}
        >
          <Suspense fallback={<Loading />}>
            <VersionDiff
              key={`${base.id}:${file.opened}`}
              before={versionSide(base, t('versions.file.base', { version: base.version }))}
              after={{
                key: `file:${file.opened}`,
                title: <Words parts={filled(t('versions.file.side'), { name: { text: file.name ?? '', data: true } })} />,
                label: t('versions.file.side', { name: file.name ?? '' }),
                xml: async () => file.xml,
              }}
            />
          </Suspense>
        </Card>
      ) : pair ? (
        <Card title={t('versions.comparing', { before: pair[0].version, after: pair[1].version })}>
          <Suspense fallback={<Loading />}>
            <VersionDiff
              key={`${pair[0].id}:${pair[1].id}`}
              before={versionSide(pair[0], t('versions.before', { version: pair[0].version }))}
              after={versionSide(pair[1], t('versions.after', { version: pair[1].version }))}
            />
          </Suspense>
        </Card>
      ) : rows.length > 0 ? (
        <Typography.Text type="secondary" data-testid="versions-pick-two">
          {t('versions.pickTwo')}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
