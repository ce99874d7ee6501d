import { useInfiniteQuery } from '@tanstack/react-query';
import { Badge, Button, Card, List, Space, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { Failed, Loading, Nothing } from '../../shared/states.tsx';
import { StatusTag } from '../../shared/status.tsx';
import { atMinute } from '../../shared/time.ts';

function Started() {
  const t = useT();
  const unitName = useUnitNames();
  const list = useInfiniteQuery({
    queryKey: ['/api/process-instances', { startedBy: 'me' }],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/process-instances', {
          params: { query: { startedBy: 'me', limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  if (list.isPending) return <Loading />;
  if (list.error) return <Failed error={list.error} retry={() => list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Nothing>{t('mine.noneStarted')}</Nothing>;
  return (
    <>
      <List
        dataSource={items}
        rowKey="id"
        renderItem={(i) => (
          <List.Item data-testid="started-item">
            <List.Item.Meta
              title={
                <Link to={`/instances/${i.id}`}>
                  <span translate="no">
                    {i.processName ?? i.definitionKey}
                    {i.businessKey ? ` · ${i.businessKey}` : ''}
                  </span>
                </Link>
              }
              description={
                <Space wrap>
                  <StatusTag status={i.status} />
                  <Typography.Text type="secondary">
                    {t('mine.startedAt', { when: atMinute(i.startedAt) })} · <span translate="no">{unitName(i.unitPath)}</span>
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {list.hasNextPage ? (
        <Button block onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('inbox.more')}
        </Button>
      ) : null}
    </>
  );
}

function CopiedToMe() {
  const t = useT();
  const list = useInfiniteQuery({
    queryKey: ['/api/cc'],
    queryFn: ({ pageParam }) => ok(api.GET('/api/cc', { params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  if (list.isPending) return <Loading />;
  if (list.error) return <Failed error={list.error} retry={() => list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Nothing>{t('mine.noneCc')}</Nothing>;
  return (
    <List
      dataSource={items}
      rowKey={(c) => `${c.instanceId}:${c.at}`}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Link to={`/instances/${c.instanceId}`}>
                <Badge dot={!c.read}>
                  <span translate="no">
                    {c.processName ?? c.instanceId}
                    {c.businessKey ? ` · ${c.businessKey}` : ''}
                  </span>
                </Badge>
              </Link>
            }
            description={
              <Typography.Text type="secondary">
                {t('mine.ccAt', { when: atMinute(c.at) })}
                {c.fromName ? (
                  <>
                    {' · '}
                    {t('mine.ccFrom')} <span translate="no">{c.fromName}</span>
                  </>
                ) : null}
                {c.note ? (
                  <>
                    {' · '}
                    <span translate="no">{c.note}</span>
                  </>
                ) : null}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 我的事项: what I started (with its status, withdraw on its page) and what was copied to me. */
export function Mine() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  return (
    <Card title={t('mine.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={params.get('tab') ?? 'started'}
        onChange={(tab) => setParams(tab === 'started' ? {} : { tab }, { replace: true })}
        items={[
          { key: 'started', label: t('mine.started'), children: <Started /> },
          { key: 'cc', label: t('mine.cc'), children: <CopiedToMe /> },
        ]}
      />
    </Card>
  );
}
