import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey, Translate } from '../../i18n/index.tsx';
import { useT } from '../../i18n/index.tsx';
import { saveFile } from '../../shared/download.ts';
import { type Cell, csvBlob, type Sheet, xlsxBlob } from './exports.ts';

/** One row of the statistics, by unit or by procedure, as the server counts it. */
export interface CountsRow {
  readonly key: string;
  readonly name: string;
  readonly started: number;
  readonly open: number;
  readonly overdue: number;
  readonly closedOnTime: number;
  readonly closedLate: number;
  readonly closureRate: number | null;
}

export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The columns the table shows and the files hold, in order, after the name. */
const COLUMNS: readonly { label: MessageKey; cell: (row: CountsRow) => Cell }[] = [
  { label: 'dashboard.started', cell: (r) => r.started },
  { label: 'dashboard.open', cell: (r) => r.open },
  { label: 'dashboard.overdue', cell: (r) => r.overdue },
  { label: 'dashboard.closedOnTime', cell: (r) => r.closedOnTime },
  { label: 'dashboard.closedLate', cell: (r) => r.closedLate },
  { label: 'dashboard.closureRate', cell: (r) => percent(r.closureRate) },
];

export function sheetOf(t: Translate, name: string, nameColumn: MessageKey, rows: readonly CountsRow[]): Sheet {
  return {
    name,
    header: [t(nameColumn), ...COLUMNS.map((c) => t(c.label))],
    rows: rows.map((row) => [row.name, ...COLUMNS.map((c) => c.cell(row))]),
  };
}

/** A card with a table of counts, its chart if any above it, and its CSV and Excel downloads. */
export function CountsTable({
  title,
  nameColumn,
  rows,
  fileName,
  testId,
  children,
}: {
  title: string;
  nameColumn: MessageKey;
  rows: readonly CountsRow[];
  fileName: string;
  testId: string;
  children?: ReactNode;
}) {
  const t = useT();
  const sheet = () => sheetOf(t, title, nameColumn, rows);
  return (
    <Card
      title={title}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => saveFile(csvBlob(sheet()), `${fileName}.csv`)} data-testid={`${testId}-csv`}>
            {t('dashboard.exportCsv')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={async () => saveFile(await xlsxBlob(sheet()), `${fileName}.xlsx`)}
            data-testid={`${testId}-xlsx`}
          >
            {t('dashboard.exportXlsx')}
          </Button>
        </Space>
      }
    >
      {children}
      <Table<CountsRow>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...rows]}
        data-testid={testId}
        columns={[
          { title: t(nameColumn), dataIndex: 'name', render: (name: string) => <span translate="no">{name}</span> },
          ...COLUMNS.map((c) => ({
            title: t(c.label),
            key: c.label,
            align: 'right' as const,
            render: (_: unknown, row: CountsRow) => c.cell(row),
          })),
        ]}
      />
    </Card>
  );
}
