import { Type } from '@sinclair/typebox';
import { IsoTime, UnitPath } from '../common.ts';

/** Years a calendar may be kept for. */
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

/** Dates are checked by the route (calendarProblems.ts), which names each one that does not stand. */
const Dates = (description: string) => Type.Array(Type.String({ maxLength: 20 }), { maxItems: 366, description });

export const CalendarView = Type.Object({
  unitPath: Type.String({ description: 'Where the calendar is kept: the unit asked about, a unit above it, or / for the national one' }),
  year: Year,
  holidays: Dates('Days off, YYYY-MM-DD, in date order: public holidays and the weekdays given off around them'),
  workdays: Dates('Saturdays and Sundays worked in exchange (调休上班), YYYY-MM-DD, in date order'),
  provisional: Type.Boolean({ description: 'The year’s arrangement is not yet published: the dates are a guess to be replaced' }),
  note: Type.Optional(Type.String()),
  updatedAt: IsoTime,
  updatedBy: Type.String({ description: 'A user id, or system:calendar for the calendar the server bundles' }),
});

export const CalendarQuery = Type.Object({ unit: UnitPath, year: Year }, { additionalProperties: false });

export const CalendarParams = Type.Object({ year: Year });

export const CalendarBody = Type.Object(
  {
    unit: UnitPath,
    holidays: Dates('Days off of the year, YYYY-MM-DD'),
    workdays: Dates('Saturdays and Sundays of the year worked in exchange, YYYY-MM-DD'),
    provisional: Type.Optional(Type.Boolean({ default: false })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
