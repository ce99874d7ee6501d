import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CalendarRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { languageOf } from '../../errors/language.ts';
import { ApiError } from '../../errors.ts';
import { assertCan, assertSee, principal } from '../../plugins/tenancy.ts';
import { NATIONAL } from '../../runtime/calendars.ts';
import { errors, iso } from '../common.ts';
import { assertCalendarYear } from './calendarProblems.ts';
import { CalendarBody, CalendarParams, CalendarQuery, CalendarView } from './schemas.ts';

const view = (c: CalendarRecord) => ({
  unitPath: c.unitPath,
  year: c.year,
  holidays: [...c.holidays],
  workdays: [...c.workdays],
  provisional: c.provisional ?? false,
  ...(c.note === undefined ? {} : { note: c.note }),
  updatedAt: iso(c.updatedAt) as string,
  updatedBy: c.updatedBy,
});

/** Each date once, in date order. */
const inDateOrder = (dates: readonly string[]) => [...new Set(dates)].sort();

/**
 * Working-day calendars: what holds at a unit for a year (its own, else the nearest unit
 * above's, else the national one at /), those kept within your units, and a town admin's year
 * for their unit, which applies to due dates and timers set from then on.
 */
const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendars',
    {
      schema: {
        tags: ['calendars'],
        summary: 'The working-day calendar that holds at a unit for a year',
        querystring: CalendarQuery,
        response: { 200: CalendarView, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const { unit, year } = request.query;
      assertSee(principal(request), unit, 'unit');
      const calendar = await app.store.calendars.forUnit(unit, year);
      if (!calendar) throw new ApiError('SZ_CALENDAR_NOT_FOUND', { year, unit });
      return view(calendar);
    },
  );

  app.get(
    '/calendars/kept',
    {
      schema: {
        tags: ['calendars'],
        summary: 'The calendars kept at your units and below them, by unit and year',
        response: { 200: Type.Object({ items: Type.Array(CalendarView) }), ...errors(401) },
      },
    },
    async (request) => ({ items: (await app.store.calendars.list(principal(request).reach)).map(view) }),
  );

  app.put(
    '/calendars/:year',
    {
      schema: {
        tags: ['calendars'],
        summary: 'Keep a unit’s calendar for the year, in place of the one it had; it holds there and below from now on',
        params: CalendarParams,
        body: CalendarBody,
        response: { 200: CalendarView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { year } = request.params;
      const { unit, holidays, workdays, provisional, note } = request.body;
      assertCan(p, 'calendar:edit', unit, 'unit');
      if (unit !== NATIONAL && !(await app.store.units.byPath(unit))) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit });
      assertCalendarYear({ year, holidays, workdays }, languageOf(request.headers['accept-language']));
      const calendar: CalendarRecord = {
        unitPath: unit,
        year,
        holidays: inDateOrder(holidays),
        workdays: inDateOrder(workdays),
        provisional: provisional ?? false,
        ...(note === undefined ? {} : { note }),
        updatedAt: app.clock.now(),
        updatedBy: p.id,
      };
      await app.store.calendars.put(calendar);
      app.runtime.calendars.forget();
      request.log.info({ unitPath: unit, year }, 'calendar put');
      return view(calendar);
    },
  );
};

export default calendarRoutes;
