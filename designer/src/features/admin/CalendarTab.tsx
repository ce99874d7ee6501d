import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ApiFailure, api, ok, type Success } from '../../shared/api.ts';
import { fieldErrorsOf } from '../../shared/form/serverErrors.ts';
import { useUnitNames, useUnits } from '../../shared/names.ts';
import { Failed, Loading } from '../../shared/states.tsx';
import { atMinute } from '../../shared/time.ts';
import { toggleDay, weekdayOf, type YearDraft } from './calendarYear.ts';
import { useManaged } from './managers.ts';
import { within } from './reach.ts';
import { UnitPicker } from './UnitPicker.tsx';
import { YearView } from './YearView.tsx';

type Calendar = Success<'/api/calendars', 'get'>;

const EMPTY: YearDraft = { holidays: [], workdays: [] };

/** The year's dates as closable tags, with the weekday, so a wrong one is seen and taken off. */
function DateTags({ dates, onRemove, testId }: { dates: readonly string[]; onRemove?: (date: string) => void; testId: string }) {
  const { t } = useI18n();
  const weekdays = t('admin.calendar.weekdays').split(',');
  if (dates.length === 0) return <Typography.Text type="secondary">{t('admin.calendar.none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid={testId}>
      {dates.map((d) => (
        <Tag
          key={d}
          closable={onRemove !== undefined}
          onClose={(e) => {
            e.preventDefault();
            onRemove?.(d);
          }}
        >
          {t('admin.calendar.dateWithDay', { date: d, day: weekdays[(weekdayOf(d) + 6) % 7] ?? '' })}
        </Tag>
      ))}
    </Space>
  );
}

/** One unit's year: what holds there, and for its town admin the same to edit and keep as the unit's own. */
function Year({ unit, year, held }: { unit: string; year: number; held?: Calendar }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const unitName = useUnitNames();
  const editable = within(useManaged('calendar'), unit);
  const [draft, setDraft] = useState<YearDraft>(held ?? EMPTY);
  const [provisional, setProvisional] = useState(held?.provisional ?? false);
  const [note, setNote] = useState(held?.note ?? '');
  const [problems, setProblems] = useState<{ message: string; list: string[] }>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setProblems(undefined);
    try {
      await ok(
        api.PUT('/api/calendars/{year}', {
          params: { path: { year } },
          body: {
            unit,
            holidays: [...draft.holidays],
            workdays: [...draft.workdays],
            provisional,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      );
      message.success(t('admin.calendar.saved', { year, unit: unitName(unit) }));
      await queries.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/calendars') });
    } catch (error) {
      const details = error instanceof ApiFailure ? fieldErrorsOf(error.details).map((e) => e.message) : [];
      setProblems({ message: error instanceof Error ? error.message : String(error), list: details });
    } finally {
      setSaving(false);
    }
  };
  const remove = (date: string) => setDraft((d) => toggleDay(d, date));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {held ? (
        <Space wrap>
          {held.unitPath === unit ? (
            <Tag color="blue">{t('admin.calendar.own')}</Tag>
          ) : (
            <Tag>
              {t('admin.calendar.inherited', { unit: held.unitPath === '/' ? t('admin.calendar.national') : unitName(held.unitPath) })}
            </Tag>
          )}
          {held.provisional ? <Tag color="orange">{t('admin.calendar.provisional')}</Tag> : null}
          <Typography.Text type="secondary">{t('admin.calendar.updated', { at: atMinute(held.updatedAt) })}</Typography.Text>
          {held.note ? (
            <Typography.Text type="secondary" translate="no">
              {held.note}
            </Typography.Text>
          ) : null}
        </Space>
      ) : (
        <Alert type="warning" showIcon message={t('admin.calendar.missing', { year })} />
      )}
      {editable ? (
        <Alert type="info" message={t('admin.calendar.howTo')} />
      ) : (
        <Alert type="info" showIcon message={t('admin.onlyTownAdmin')} />
      )}
      <YearView year={year} draft={draft} {...(editable ? { onToggle: (date: string) => setDraft((d) => toggleDay(d, date)) } : {})} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('admin.calendar.holidays', { count: draft.holidays.length })}</Typography.Title>
          <DateTags dates={draft.holidays} testId="holidays" {...(editable ? { onRemove: remove } : {})} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('admin.calendar.workdays', { count: draft.workdays.length })}</Typography.Title>
          <DateTags dates={draft.workdays} testId="workdays" {...(editable ? { onRemove: remove } : {})} />
        </Col>
      </Row>
      {editable ? (
        <>
          {problems ? (
            <Alert
              type="error"
              showIcon
              message={problems.message}
              description={
                problems.list.length > 1 ? (
                  <ul style={{ margin: 0 }}>
                    {problems.list.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                ) : undefined
              }
              data-testid="calendar-problems"
            />
          ) : null}
          <Space wrap>
            <Checkbox checked={provisional} onChange={(e) => setProvisional(e.target.checked)}>
              {t('admin.calendar.markProvisional')}
            </Checkbox>
            <Input
              placeholder={t('admin.calendar.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={2000}
              style={{ width: 320 }}
            />
            <Button type="primary" loading={saving} onClick={save} data-testid="calendar-save">
              {t('admin.calendar.save')}
            </Button>
          </Space>
        </>
      ) : null}
    </Space>
  );
}

/**
 * 节假日: the working-day calendar that holds at a unit for a year (its own, a unit above's, or the
 * national one), on a year view and as lists; a town admin edits it and keeps it as the unit's own.
 */
export function CalendarTab() {
  const { t } = useI18n();
  const units = useUnits();
  const managed = useManaged('calendar');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [chosen, setChosen] = useState<string>();
  const unit = chosen ?? managed[0] ?? units.data?.items[0]?.path;
  const calendar = useQuery({
    queryKey: ['/api/calendars', unit, year],
    enabled: unit !== undefined,
    queryFn: async () => {
      try {
        return await ok(api.GET('/api/calendars', { params: { query: { unit: unit as string, year } } }));
      } catch (error) {
        // No calendar for the year anywhere above the unit: the year starts empty.
        if (error instanceof ApiFailure && error.code === 'SZ_CALENDAR_NOT_FOUND') return null;
        throw error;
      }
    },
  });
  return (
    <Card
      size="small"
      title={t('admin.calendar.title')}
      extra={
        <Space wrap>
          <UnitPicker value={unit} onChange={setChosen} testId="calendar-unit" />
          <Select
            value={year}
            onChange={setYear}
            data-testid="calendar-year"
            options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({
              value: y,
              label: t('admin.calendar.year', { year: y }),
            }))}
          />
        </Space>
      }
    >
      {unit === undefined ? (
        units.isPending ? (
          <Loading />
        ) : (
          <Empty />
        )
      ) : calendar.isPending ? (
        <Loading />
      ) : calendar.error ? (
        <Failed error={calendar.error} retry={() => calendar.refetch()} />
      ) : (
        <Year key={`${unit}${year}${calendar.dataUpdatedAt}`} unit={unit} year={year} {...(calendar.data ? { held: calendar.data } : {})} />
      )}
    </Card>
  );
}
