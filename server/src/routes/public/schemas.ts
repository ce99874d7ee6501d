import { Type } from '@sinclair/typebox';
import { IsoTime, UnitPath } from '../common.ts';

export const BoardParams = Type.Object({
  unitPath: Type.String({ ...UnitPath, description: 'The unit path, URL-encoded: %2Fnanhai%2Flishui%2Fhefeng%2F' }),
});

/** What the public sees of a notice: its text and posting period, nothing of the instance behind it. */
export const Notice = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.Optional(Type.String()),
  board: Type.Optional(Type.String({ description: 'Which board of the unit, when it has several' })),
  postedAt: IsoTime,
  until: IsoTime,
});

export const Board = Type.Object({
  unit: Type.Object({ path: Type.String(), name: Type.String() }),
  items: Type.Array(Notice),
});
