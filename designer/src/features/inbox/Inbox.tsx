import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Checkbox, Flex, Input, List, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { DueTag } from '../../shared/due.tsx';
import { useUnitNames } from '../../shared/names.ts';
import { Failed, Loading, Nothing } from '../../shared/states.tsx';
import { BatchApprove } from './BatchApprove.tsx';

type Scope = 'mine' | 'group' | 'all';
type Sort = 'due' | 'priority' | 'created';
type DueFilter = 'any' | 'overdue' | 'today' | 'week';
export type InboxTask = Awaited<ReturnType<typeof fetchPage>>['items'][number];

const PAGE = 20;

function dueBefore(filter: DueFilter): string | undefined {
  if (filter === 'overdue') return new Date().toISOString();
  if (filter === 'today') return dayjs().endOf('day').toISOString();
  if (filter === 'week') return dayjs().add(7, 'day').endOf('day').toISOString();
  return undefined;
}

interface Filters {
  scope: Scope;
  sort: Sort;
  due: DueFilter;
  definitionKey?: string;
  text?: string;
}

function fetchPage(filters: Filters, cursor: string | undefined) {
  const before = dueBefore(filters.due);
  return ok(
    api.GET('/api/tasks', {
      params: {
        query: {
          status: 'open',
          scope: filters.scope,
          sort: filters.sort,
          limit: PAGE,
          ...(before ? { dueBefore: before } : {}),
          ...(filters.definitionKey ? { definitionKey: filters.definitionKey } : {}),
          ...(filters.text ? { text: filters.text } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );
}

/** 待办: my tasks, my groups' and all within reach, filtered and sorted by the server, paged by its cursors. */
export function Inbox() {
  const t = useT();
  const unitName = useUnitNames();
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    scope: (params.get('scope') as Scope) ?? 'all',
    sort: (params.get('sort') as Sort) ?? 'due',
    due: (params.get('due') as DueFilter) ?? 'any',
    ...(params.get('procedure') ? { definitionKey: params.get('procedure') as string } : {}),
    ...(params.get('q') ? { text: params.get('q') as string } : {}),
  };
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const [selected, setSelected] = useState<string[]>([]);

  const counts = useQuery({ queryKey: ['/api/tasks/counts'], queryFn: () => ok(api.GET('/api/tasks/counts')) });
  const procedures = useQuery({ queryKey: ['/api/process-definitions'], queryFn: () => ok(api.GET('/api/process-definitions')) });
  const tasks = useInfiniteQuery({
    queryKey: ['/api/tasks', filters],
    queryFn: ({ pageParam }) => fetchPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  const procedureOptions = [...new Map((procedures.data?.items ?? []).map((d) => [d.key, d.name ?? d.key])).entries()].map(
    ([value, label]) => ({ value, label: <span translate="no">{label}</span> }),
  );

  const tab = (scope: Scope, label: string, count: number | undefined) => ({
    key: scope,
    label: (
      <span data-testid={`scope-${scope}`}>
        {label} <Badge count={count ?? 0} showZero color={scope === 'all' ? '#c8102e' : '#999'} />
      </span>
    ),
  });

  return (
    <Card
      title={t('inbox.title')}
      extra={
        counts.data?.overdue ? (
          <Tag color="red" data-testid="overdue-count">
            {t('inbox.overdueCount', { count: counts.data.overdue })}
          </Tag>
        ) : null
      }
      styles={{ body: { padding: 12 } }}
    >
      <Tabs
        activeKey={filters.scope}
        onChange={(k) => set('scope', k === 'all' ? undefined : k)}
        items={[
          tab('all', t('inbox.all'), counts.data?.all),
          tab('mine', t('inbox.mine'), counts.data?.mine),
          tab('group', t('inbox.group'), counts.data?.groups),
        ]}
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('inbox.search')}
          defaultValue={filters.text}
          onSearch={(v) => set('q', v.trim() || undefined)}
          style={{ width: 220 }}
          aria-label={t('inbox.search')}
        />
        <Select
          allowClear
          placeholder={t('inbox.procedure')}
          value={filters.definitionKey}
          onChange={(v?: string) => set('procedure', v)}
          options={procedureOptions}
          style={{ minWidth: 160 }}
        />
        <Select<DueFilter>
          value={filters.due}
          onChange={(v) => set('due', v === 'any' ? undefined : v)}
          options={[
            { value: 'any', label: t('inbox.dueAny') },
            { value: 'overdue', label: t('inbox.dueOverdue') },
            { value: 'today', label: t('inbox.dueToday') },
            { value: 'week', label: t('inbox.dueWeek') },
          ]}
          style={{ minWidth: 120 }}
        />
        <Segmented<Sort>
          value={filters.sort}
          onChange={(v) => set('sort', v === 'due' ? undefined : v)}
          options={[
            { value: 'due', label: t('inbox.sortDue') },
            { value: 'priority', label: t('inbox.sortPriority') },
            { value: 'created', label: t('inbox.sortCreated') },
          ]}
        />
      </Flex>
      {selected.length > 0 ? (
        <BatchApprove
          taskIds={selected}
          onDone={() => {
            setSelected([]);
            tasks.refetch();
            counts.refetch();
          }}
        />
      ) : null}
      {tasks.isPending ? (
        <Loading />
      ) : tasks.error ? (
        <Failed error={tasks.error} retry={() => tasks.refetch()} />
      ) : items.length === 0 ? (
        <Nothing>{t('inbox.empty')}</Nothing>
      ) : (
        <List
          dataSource={items}
          rowKey="id"
          data-testid="inbox-list"
          renderItem={(task) => (
            <List.Item
              data-testid="inbox-item"
              actions={[
                <Checkbox
                  key="pick"
                  aria-label={t('inbox.pick')}
                  checked={selected.includes(task.id)}
                  onChange={(e) => setSelected((s) => (e.target.checked ? [...s, task.id] : s.filter((id) => id !== task.id)))}
                />,
              ]}
            >
              <List.Item.Meta
                title={
                  <Link to={`/tasks/${task.id}`}>
                    <span translate="no">{task.name ?? task.elementId}</span>
                  </Link>
                }
                description={
                  <Space size={4} wrap>
                    <Typography.Text type="secondary" translate="no">
                      {task.processName ?? task.definitionKey}
                      {task.businessKey ? ` · ${task.businessKey}` : ''} · {unitName(task.unitPath)}
                    </Typography.Text>
                    <DueTag dueAt={task.dueAt} />
                    {task.priority > 50 ? <Tag color="volcano">{t('inbox.urgent')}</Tag> : null}
                    {task.assignee ? null : <Tag>{t('inbox.unclaimed')}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {tasks.hasNextPage ? (
        <Button block onClick={() => tasks.fetchNextPage()} loading={tasks.isFetchingNextPage} style={{ marginTop: 8 }}>
          {t('inbox.more')}
        </Button>
      ) : null}
    </Card>
  );
}
