import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Grid, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { Failed, Loading, Nothing, Query } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { EntryDrawer, type RegisterForm } from './EntryDrawer.tsx';

type Register = Success<'/api/registers', 'get'>['items'][number];
type Entry = Success<'/api/registers/{register}/entries', 'get'>['items'][number];

/** The fields a list shows beside the key: the first few of the form's order, fewer on a phone. */
const SHOWN_FIELDS = 4;
const SHOWN_ON_PHONE = 1;

/**
 * 台账: the registers kept at my units (rental houses and tenants, covenant clauses, restrictions),
 * one at a time: its entries in key order, an entry's form and history in a drawer, new entries
 * and corrections for those who keep it. Identity and mobile numbers come masked from the server
 * to everyone else, and the screen says so.
 */
export function Registers() {
  const t = useT();
  const unitName = useUnitNames();
  const [params, setParams] = useSearchParams();
  const registers = useQuery({ queryKey: ['/api/registers'], queryFn: () => ok(api.GET('/api/registers')) });
  return (
    <Query query={registers}>
      {({ items }) => {
        if (items.length === 0) return <Nothing>{t('registers.none')}</Nothing>;
        const chosen = items.find((r) => `${r.unitPath}${r.id}` === params.get('r')) ?? (items[0] as Register);
        return (
          <Card
            title={t('registers.title')}
            extra={
              <Select
                style={{ minWidth: 260 }}
                value={`${chosen.unitPath}${chosen.id}`}
                onChange={(r) => setParams({ r })}
                options={items.map((r) => ({
                  value: `${r.unitPath}${r.id}`,
                  label: (
                    <span translate="no">
                      {unitName(r.unitPath)} · {r.name}
                    </span>
                  ),
                }))}
                data-testid="register-picker"
              />
            }
          >
            <RegisterEntries key={`${chosen.unitPath}${chosen.id}`} register={chosen} />
          </Card>
        );
      }}
    </Query>
  );
}

function RegisterEntries({ register }: { register: Register }) {
  const t = useT();
  const [retired, setRetired] = useState(false);
  const [open, setOpen] = useState<{ key?: string } | undefined>();
  const phone = !Grid.useBreakpoint().md;
  const unit = register.unitPath;
  const form = useQuery({
    queryKey: ['/api/registers/{register}/form', register.id, unit],
    queryFn: () => ok(api.GET('/api/registers/{register}/form', { params: { path: { register: register.id }, query: { unit } } })),
  });
  const entries = useInfiniteQuery({
    queryKey: ['/api/registers/{register}/entries', register.id, unit, retired],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/registers/{register}/entries', {
          params: { path: { register: register.id }, query: { unit, retired, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  if (form.isPending || entries.isPending) return <Loading />;
  if (form.error || entries.error) return <Failed error={form.error ?? entries.error} retry={() => entries.refetch()} />;
  const f = form.data as RegisterForm;
  const items = entries.data.pages.flatMap((p) => p.items);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {register.masked ? <Alert type="info" showIcon message={t('registers.masked')} data-testid="register-masked" /> : null}
      <Space wrap>
        {register.writable ? (
          <Button type="primary" onClick={() => setOpen({})} data-testid="register-add">
            {t('registers.add')}
          </Button>
        ) : null}
        <Space>
          <Switch checked={retired} onChange={setRetired} size="small" />
          <Typography.Text>{t('registers.showRetired')}</Typography.Text>
        </Space>
      </Space>
      <Table<Entry>
        rowKey="key"
        size="middle"
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('registers.empty')} /> }}
        onRow={(e) => ({ onClick: () => setOpen({ key: e.key }), style: { cursor: 'pointer' } })}
        columns={[
          ...listFields(f, phone ? SHOWN_ON_PHONE : SHOWN_FIELDS).map(([name, title]) => ({
            // Field titles are the form's, as its author wrote them: data, like the entries.
            title: <span translate="no">{title}</span>,
            dataIndex: ['data', name],
            render: (value: unknown, e: Entry) => (
              <span translate="no">
                {shown(value)}
                {name === f.keyField && e.retired ? <Tag style={{ marginInlineStart: 6 }}>{t('registers.retired')}</Tag> : null}
              </span>
            ),
          })),
          // On a phone the entry's drawer tells when and by whom.
          ...(phone
            ? []
            : [
                { title: t('registers.updated'), dataIndex: 'at', render: (at: string) => atMinute(at) },
                {
                  title: t('registers.by'),
                  dataIndex: 'byName',
                  render: (name: string | undefined) => (name ? <span translate="no">{name}</span> : t('registers.byProcedure')),
                },
              ]),
        ]}
        data-testid="register-entries"
      />
      {entries.hasNextPage ? (
        <Button block onClick={() => entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
          {t('inbox.more')}
        </Button>
      ) : null}
      {open ? <EntryDrawer register={register} form={f} entryKey={open.key} onClose={() => setOpen(undefined)} /> : null}
    </Space>
  );
}

/** The key field first, then the first others in the form's order, each with its title. */
function listFields(form: RegisterForm, shown: number): [string, string][] {
  const properties = (form.schema.properties ?? {}) as Record<string, { title?: string }>;
  const order = ((form.uiSchema?.['ui:order'] as string[] | undefined) ?? Object.keys(properties)).filter((n) => n in properties);
  const names = [form.keyField, ...order.filter((n) => n !== form.keyField)].slice(0, shown + 1);
  return names.map((n) => [n, properties[n]?.title ?? n]);
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
