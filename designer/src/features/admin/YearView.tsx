import { Grid, Typography } from 'antd';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { type DayKind, dayKind, monthDays, type YearDraft } from './calendarYear.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

const KIND_LABEL: Record<DayKind, MessageKey> = {
  holiday: 'admin.calendar.kind.holiday',
  workday: 'admin.calendar.kind.workday',
  weekend: 'admin.calendar.kind.weekend',
  weekday: 'admin.calendar.kind.weekday',
};

const LOOK: Record<DayKind, { background: string; color: string }> = {
  holiday: { background: '#fde2e4', color: '#c8102e' },
  workday: { background: '#e6f0ff', color: '#1d4ed8' },
  weekend: { background: 'transparent', color: '#999' },
  weekday: { background: 'transparent', color: 'inherit' },
};

function Day({ date, draft, onToggle, first }: { date: string; draft: YearDraft; onToggle?: (date: string) => void; first?: number }) {
  const { t } = useI18n();
  const kind = dayKind(draft, date);
  const mark = kind === 'holiday' ? t('admin.calendar.off') : kind === 'workday' ? t('admin.calendar.on') : '';
  const label = `${date} ${t(KIND_LABEL[kind])}`;
  const style = {
    ...LOOK[kind],
    border: 0,
    borderRadius: 4,
    padding: '2px 0',
    lineHeight: '16px',
    font: 'inherit',
    ...(first === undefined ? {} : { gridColumnStart: first + 1 }),
  };
  const content = (
    <>
      {Number(date.slice(8))}
      {mark ? <sup style={{ fontSize: 9 }}>{mark}</sup> : null}
    </>
  );
  if (!onToggle) {
    return (
      <span data-date={date} title={label} style={style}>
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      data-date={date}
      aria-label={label}
      aria-pressed={kind === 'holiday' || kind === 'workday'}
      onClick={() => onToggle(date)}
      style={{ ...style, cursor: 'pointer' }}
    >
      {content}
    </button>
  );
}

/**
 * The year as twelve months, weeks from Monday: 休 on a day off, 班 on a weekend day worked.
 * With `onToggle` each day is a button that turns it into a holiday or a day worked, and back.
 */
export function YearView({ year, draft, onToggle }: { year: number; draft: YearDraft; onToggle?: (date: string) => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const columns = screens.lg ? 4 : screens.sm ? 2 : 1;
  const weekdays = t('admin.calendar.weekdays').split(',');
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, 1fr)`, gap: 16 }} data-testid="year-view">
      {MONTHS.map((month) => {
        const { lead, dates } = monthDays(year, month);
        return (
          <div key={month}>
            <Typography.Text strong>{t('admin.calendar.month', { year, month })}</Typography.Text>
            <div
              style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4, fontSize: 12, textAlign: 'center' }}
            >
              {weekdays.map((w) => (
                <span key={w} style={{ color: '#999' }}>
                  {w}
                </span>
              ))}
              {dates.map((date, i) => (
                <Day key={date} date={date} draft={draft} {...(onToggle ? { onToggle } : {})} {...(i === 0 ? { first: lead } : {})} />
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
