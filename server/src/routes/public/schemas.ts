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
  attachments: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() }), {
      description: 'Posted with it: GET …/notices/{noticeId}/attachments/{attachmentId} while it is posted',
    }),
  ),
  postedAt: IsoTime,
  until: IsoTime,
});

export const Board = Type.Object({
  unit: Type.Object({ path: Type.String(), name: Type.String() }),
  items: Type.Array(Notice),
});

export const ObjectionParams = Type.Object({
  unitPath: BoardParams.properties.unitPath,
  noticeId: Type.String({ minLength: 1, maxLength: 200 }),
});

export const ObjectionBody = Type.Object(
  {
    content: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'What the villager objects to' }),
    name: Type.Optional(Type.String({ maxLength: 50 })),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$', description: 'A mainland mobile number, for a reply' })),
    challenge: Type.Object(
      {
        token: Type.String({ maxLength: 400, description: 'From GET /api/public/challenge' }),
        answer: Type.String({ maxLength: 10 }),
      },
      { additionalProperties: false, description: 'The answer to the board’s sum' },
    ),
  },
  { additionalProperties: false },
);

export const Challenge = Type.Object({
  token: Type.String(),
  question: Type.String({ description: 'A sum, e.g. 3 + 5 = ?' }),
});

export const NoticeAttachmentParams = Type.Object({
  unitPath: Type.String({ maxLength: 512 }),
  noticeId: Type.String({ maxLength: 64 }),
  attachmentId: Type.String({ maxLength: 64 }),
});

export const ObjectionReceipt = Type.Object({ id: Type.String(), receivedAt: IsoTime });
