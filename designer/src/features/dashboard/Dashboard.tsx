import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Row, Segmented, Select, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useUnits } from '../../shared/names.ts';
import { useSession } from '../../shared/session.tsx';
import { Nothing, Query } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { CountsTable, percent } from './CountsTable.tsx';
import { barsOption, COLOURS, linesOption } from './charts.ts';
import { dashboardUnits, type Filters, type Interval, intervalFor, lastDays, periodLabel, statsQuery, wholeDays } from './filters.ts';

// ECharts comes in a chunk of its own after the numbers and tables, which are usable before it arrives.
const Chart = lazy(async () => ({ default: (await import('./Chart.tsx')).Chart }));
const CHART_HEIGHT = 280;

/** A unit or procedure to pick: its name as written (not for translation), searched by that name. */
const nameOption = (value: string, name: string) => ({ value, name, label: <span translate="no">{name}</span> });
const byName = (input: string, option?: { name: string }) => option?.name.includes(input.trim()) ?? false;

type MatterStats = Success<'/api/stats/matters', 'get'>;
type Trend = Success<'/api/stats/matters/trend', 'get'>;

/**
 * 统计: how a town's villages (or a village itself) are getting on with their matters: open,
 * overdue, closed on time, the closure rate, by village and by procedure, and the trend, with
 * the tables to download for a report.
 */
export function Dashboard() {
  const t = useT();
  const { me } = useSession();
  const units = useUnits();
  return (
    <Query query={units}>
      {({ items }) => {
        const choices = dashboardUnits(items, me?.grants ?? []);
        if (choices.length === 0) return <Nothing>{t('dashboard.noUnit')}</Nothing>;
        return <DashboardOf units={choices} />;
      }}
    </Query>
  );
}

function DashboardOf({ units }: { units: readonly { path: string; name: string }[] }) {
  const t = useT();
  const [unit, setUnit] = useState((units[0] as { path: string }).path);
  const [range, setRange] = useState(() => lastDays(90));
  const [definitionKey, setDefinitionKey] = useState<string>();
  const [interval, setInterval] = useState<Interval>(() => intervalFor(...range));
  const filters: Filters = { unit, from: range[0], to: range[1], interval, ...(definitionKey ? { definitionKey } : {}) };
  const query = statsQuery(filters);
  const byUnit = useQuery({
    queryKey: ['/api/stats/matters', 'unit', query],
    queryFn: () => ok(api.GET('/api/stats/matters', { params: { query: { ...query, by: 'unit' } } })),
  });
  // Every procedure's row, whichever is chosen: the table shows the chosen one, the picker offers them all.
  const { definitionKey: _all, ...allProcedures } = query;
  const byProcedure = useQuery({
    queryKey: ['/api/stats/matters', 'procedure', allProcedures],
    queryFn: () => ok(api.GET('/api/stats/matters', { params: { query: { ...allProcedures, by: 'procedure' } } })),
  });
  const trend = useQuery({
    queryKey: ['/api/stats/matters/trend', query, interval],
    queryFn: () => ok(api.GET('/api/stats/matters/trend', { params: { query: { ...query, interval } } })),
  });
  const shown: [Dayjs, Dayjs] = [range[0], range[1].subtract(1, 'day')];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('dashboard.title')}>
        <Space wrap>
          <Select
            style={{ minWidth: 180 }}
            value={unit}
            onChange={setUnit}
            showSearch
            filterOption={byName}
            options={units.map((u) => nameOption(u.path, u.name))}
            aria-label={t('dashboard.unit')}
            data-testid="dashboard-unit"
          />
          <DatePicker.RangePicker
            value={shown}
            allowClear={false}
            onChange={(dates) => {
              const [from, to] = dates ?? [];
              if (!from || !to) return;
              const next = wholeDays(from, to);
              setRange(next);
              setInterval(intervalFor(...next));
            }}
            presets={[
              { label: t('dashboard.last30'), value: [lastDays(30)[0], dayjs()] },
              { label: t('dashboard.last90'), value: [lastDays(90)[0], dayjs()] },
              { label: t('dashboard.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
              { label: t('dashboard.last365'), value: [lastDays(365)[0], dayjs()] },
            ]}
            aria-label={t('dashboard.range')}
            data-testid="dashboard-range"
          />
          <Select
            style={{ minWidth: 240 }}
            value={definitionKey}
            onChange={setDefinitionKey}
            allowClear
            showSearch
            filterOption={byName}
            placeholder={t('dashboard.allProcedures')}
            options={byProcedure.data?.rows.map((r) => nameOption(r.key, r.name))}
            aria-label={t('dashboard.procedure')}
            data-testid="dashboard-procedure"
          />
        </Space>
      </Card>
      <Query query={byUnit}>{(stats) => <Summary stats={stats} />}</Query>
      <Query query={byUnit}>
        {(stats) => (
          <CountsTable
            title={t('dashboard.byUnit')}
            nameColumn="dashboard.unitColumn"
            rows={stats.rows}
            fileName={`${t('dashboard.byUnit')}-${stats.unit.name}`}
            testId="dashboard-units"
          >
            <UnitBars stats={stats} />
          </CountsTable>
        )}
      </Query>
      <Query query={byProcedure}>
        {(stats) => (
          <CountsTable
            title={t('dashboard.byProcedure')}
            nameColumn="dashboard.procedureColumn"
            rows={stats.rows.filter((r) => !definitionKey || r.key === definitionKey)}
            fileName={`${t('dashboard.byProcedure')}-${stats.unit.name}`}
            testId="dashboard-procedures"
          />
        )}
      </Query>
      <Card
        title={t('dashboard.trend')}
        extra={
          <Segmented<Interval>
            value={interval}
            onChange={setInterval}
            options={[
              { value: 'week', label: t('dashboard.week') },
              { value: 'month', label: t('dashboard.month') },
            ]}
          />
        }
      >
        <Query query={trend}>{(points) => <TrendLines trend={points} />}</Query>
      </Card>
    </Space>
  );
}

function Summary({ stats }: { stats: MatterStats }) {
  const t = useT();
  const cards = [
    { key: 'open', label: t('dashboard.open'), value: stats.total.open, colour: COLOURS.open },
    { key: 'overdue', label: t('dashboard.overdue'), value: stats.total.overdue, colour: COLOURS.overdue },
    { key: 'closedOnTime', label: t('dashboard.closedOnTime'), value: stats.total.closedOnTime, colour: COLOURS.closedOnTime },
    { key: 'closureRate', label: t('dashboard.closureRate'), value: percent(stats.total.closureRate), colour: undefined },
  ];
  return (
    <div>
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={c.label} value={c.value} styles={{ content: { color: c.colour } }} data-testid={`dashboard-${c.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('dashboard.asOf', { time: atMinute(stats.asOf) })}
      </Typography.Paragraph>
    </div>
  );
}

function UnitBars({ stats }: { stats: MatterStats }) {
  const t = useT();
  const option = useMemo(
    () =>
      barsOption(
        stats.rows.map((r) => r.name),
        [
          { name: t('dashboard.open'), colour: COLOURS.open, values: stats.rows.map((r) => r.open) },
          { name: t('dashboard.overdue'), colour: COLOURS.overdue, values: stats.rows.map((r) => r.overdue) },
          { name: t('dashboard.closedOnTime'), colour: COLOURS.closedOnTime, values: stats.rows.map((r) => r.closedOnTime) },
          { name: t('dashboard.closedLate'), colour: COLOURS.closedLate, values: stats.rows.map((r) => r.closedLate) },
        ],
      ),
    [stats, t],
  );
  return (
    <Suspense fallback={<div style={{ height: CHART_HEIGHT }} />}>
      <Chart option={option} height={CHART_HEIGHT} label={t('dashboard.chartByUnit')} testId="dashboard-unit-chart" />
    </Suspense>
  );
}

function TrendLines({ trend }: { trend: Trend }) {
  const t = useT();
  const format = trend.interval === 'week' ? t('dashboard.weekFormat') : t('dashboard.monthFormat');
  const option = useMemo(
    () =>
      linesOption(
        trend.points.map((p) => periodLabel(p.from, format)),
        [
          { name: t('dashboard.started'), colour: COLOURS.started, values: trend.points.map((p) => p.started) },
          { name: t('dashboard.closed'), colour: COLOURS.open, values: trend.points.map((p) => p.closed) },
          { name: t('dashboard.closedOnTime'), colour: COLOURS.closedOnTime, values: trend.points.map((p) => p.closedOnTime) },
        ],
      ),
    [trend, format, t],
  );
  return (
    <Suspense fallback={<div style={{ height: CHART_HEIGHT }} />}>
      <Chart option={option} height={CHART_HEIGHT} label={t('dashboard.chartTrend')} testId="dashboard-trend-chart" />
    </Suspense>
  );
}
