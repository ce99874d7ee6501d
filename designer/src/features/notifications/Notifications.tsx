import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { noticeKindLabel } from '../../shared/names.ts';
import { Failed, Loading, Nothing } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';

/** 消息通知: newest first; opening one marks it read and goes to its task or matter. */
export function Notifications() {
  const t = useT();
  const queries = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['/api/notifications'],
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/notifications', { params: { query: { limit: 30, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  const read = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => ok(api.POST('/api/notifications/read', { body })),
    onSuccess: () => queries.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/notifications') }),
  });
  if (list.isPending) return <Loading />;
  if (list.error) return <Failed error={list.error} retry={() => list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  return (
    <Card
      title={t('notice.title')}
      extra={
        <Button size="small" onClick={() => read.mutate({ all: true })} disabled={items.every((n) => n.readAt)}>
          {t('notice.readAll')}
        </Button>
      }
    >
      {items.length === 0 ? (
        <Nothing>{t('notice.none')}</Nothing>
      ) : (
        <List
          dataSource={items}
          rowKey="id"
          renderItem={(n) => {
            const to = n.taskId ? `/tasks/${n.taskId}` : n.instanceId ? `/instances/${n.instanceId}` : undefined;
            const title = (
              <Badge dot={!n.readAt}>
                <Tag>{noticeKindLabel(t, n.kind)}</Tag>
                <span translate="no">{n.title}</span>
              </Badge>
            );
            return (
              <List.Item data-testid="notification">
                <List.Item.Meta
                  title={
                    to ? (
                      <Link to={to} onClick={() => n.readAt || read.mutate({ ids: [n.id] })}>
                        {title}
                      </Link>
                    ) : (
                      title
                    )
                  }
                  description={
                    <Typography.Text type="secondary">
                      {atMinute(n.createdAt)}
                      {n.fromName ? (
                        <>
                          {' · '}
                          <span translate="no">{n.fromName}</span>
                        </>
                      ) : null}
                      {n.body ? (
                        <>
                          {' · '}
                          <span translate="no">{n.body}</span>
                        </>
                      ) : null}
                    </Typography.Text>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      {list.hasNextPage ? (
        <Button block onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('inbox.more')}
        </Button>
      ) : null}
    </Card>
  );
}
