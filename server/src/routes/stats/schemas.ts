import { Type } from '@sinclair/typebox';
import { IsoTime, UnitPath } from '../common.ts';

const Filters = {
  unit: { ...UnitPath, description: 'The unit counted, with everything below it: a town its villages, a village itself' },
  from: Type.String({ format: 'date-time', description: 'Matters started from this time on' }),
  to: Type.String({ format: 'date-time', description: 'and before this time' }),
  definitionKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only the matters of this procedure' })),
};

export const MattersQuery = Type.Object(
  {
    ...Filters,
    by: Type.Optional(
      Type.Union([Type.Literal('unit'), Type.Literal('procedure')], {
        default: 'unit',
        description:
          'unit: one row per unit right below the one asked for (a town: per village), and the unit itself when it has matters of its own; procedure: one row per procedure',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TrendQuery = Type.Object(
  {
    ...Filters,
    interval: Type.Optional(
      Type.Union([Type.Literal('week'), Type.Literal('month')], {
        default: 'month',
        description: 'Weeks from Monday or months, from midnight China time',
      }),
    ),
  },
  { additionalProperties: false },
);

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

export const Counts = Type.Object({
  started: Type.Integer({ description: 'Matters started in the range, cancelled and withdrawn ones too' }),
  open: Type.Integer({ description: '在办: still running' }),
  overdue: Type.Integer({ description: '逾期: of the open, those with a step past its due time now' }),
  closed: Type.Integer({ description: '办结: run to an end (completed or terminated)' }),
  closedOnTime: Type.Integer({ description: '按期办结: closed with every step done by its due time' }),
  closedLate: Type.Integer({ description: '逾期办结: closed with some step done after its due time' }),
  closureRate: { ...Rate, description: '办结率: closed / (open + closed); null when there are none' },
  onTimeRate: { ...Rate, description: '按期率: closed on time / closed; null when none closed' },
});

export const MatterRow = Type.Composite([
  Type.Object({
    key: Type.String({ description: 'The unit path, or the procedure key' }),
    name: Type.String({ description: 'The unit name, or the procedure name (its key when it has none)' }),
  }),
  Counts,
]);

export const MatterStats = Type.Object({
  unit: Type.Object({ path: UnitPath, name: Type.String() }),
  from: IsoTime,
  to: IsoTime,
  asOf: { ...IsoTime, description: 'Overdue as of this time' },
  by: Type.Union([Type.Literal('unit'), Type.Literal('procedure')]),
  total: Counts,
  rows: Type.Array(MatterRow),
});

export const TrendPoint = Type.Object({
  from: IsoTime,
  to: IsoTime,
  started: Type.Integer(),
  closed: Type.Integer(),
  closedOnTime: Type.Integer(),
});

export const MatterTrend = Type.Object({
  interval: Type.Union([Type.Literal('week'), Type.Literal('month')]),
  points: Type.Array(TrendPoint),
});
