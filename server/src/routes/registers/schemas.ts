import { Type } from '@sinclair/typebox';
import { Cursor, IsoTime, UnitPath } from '../common.ts';

const RegisterId = Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 100, description: 'e.g. rental-houses' });
const Key = Type.String({ minLength: 1, maxLength: 200, description: 'The entry’s key: the value of the register’s key field' });
const Revision = Type.Integer({ minimum: 1, description: 'The revision read: a write over another one answers 409' });
const Note = Type.String({ maxLength: 500, description: 'Why, kept with the revision' });

export const RegisterView = Type.Object({
  unitPath: Type.String(),
  id: RegisterId,
  name: Type.String({ description: 'In the language asked for' }),
  formKey: Type.String({ description: 'The form of an entry (GET /api/forms/{key}?unit=...)' }),
  keyField: Type.String(),
  declaredBy: Type.String({ description: 'The procedure (definition key) that keeps it' }),
  writable: Type.Boolean({ description: 'You may add, correct and retire its entries' }),
  masked: Type.Boolean({ description: 'Identity and mobile numbers in its entries are masked for you' }),
});

export const RegisterFormView = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  keyField: Type.String(),
  schema: Type.Record(Type.String(), Type.Unknown()),
  uiSchema: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const EntryView = Type.Object({
  key: Type.String(),
  revision: Type.Integer(),
  data: Type.Record(Type.String(), Type.Unknown()),
  retired: Type.Boolean({ description: 'Taken off the register; its history stays' }),
  at: IsoTime,
  by: Type.String({ description: 'A user id, or system:registers for a procedure’s step' }),
  byName: Type.Optional(Type.String()),
  instanceId: Type.Optional(Type.String({ description: 'The procedure instance that wrote it' })),
  note: Type.Optional(Type.String()),
  masked: Type.Boolean({ description: 'Identity and mobile numbers are masked: your roles here do not keep the register' }),
});

export const UnitQuery = Type.Object({ unit: UnitPath }, { additionalProperties: false });
export const RegistersQuery = Type.Object({ unit: Type.Optional(UnitPath) }, { additionalProperties: false });
export const RegisterParams = Type.Object({ register: RegisterId });
export const EntryParams = Type.Object({ register: RegisterId, key: Key });

export const EntriesQuery = Type.Object(
  {
    unit: UnitPath,
    retired: Type.Optional(Type.Boolean({ default: false, description: 'Also the entries taken off the register' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const EntryBody = Type.Object(
  {
    unit: UnitPath,
    data: Type.Record(Type.String(), Type.Unknown(), { description: 'The entry as the register’s form takes it' }),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);

export const EntryUpdateBody = Type.Object(
  {
    unit: UnitPath,
    data: Type.Record(Type.String(), Type.Unknown()),
    revision: Revision,
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);

export const RetireBody = Type.Object({ unit: UnitPath, revision: Revision, note: Type.Optional(Note) }, { additionalProperties: false });

export const EntryWithHistory = Type.Object({ entry: EntryView, history: Type.Array(EntryView, { description: 'Newest first' }) });

const FieldList = (description: string) =>
  Type.Optional(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*$', maxLength: 500, description }));

export const SummaryQuery = Type.Object(
  {
    unit: UnitPath,
    by: Type.Optional(
      Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 100, description: 'The field to group by, e.g. pair' }),
    ),
    sum: FieldList('Number fields to total, comma-separated, e.g. visits,attended'),
    count: FieldList('Boolean fields to count the true ones of, e.g. onTime'),
  },
  { additionalProperties: false },
);

export const SummaryRowView = Type.Object({
  unitPath: Type.String({ description: 'The unit whose register the row adds up' }),
  group: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'The `by` field’s value' })),
  entries: Type.Integer(),
  sums: Type.Record(Type.String(), Type.Number()),
  counts: Type.Record(Type.String(), Type.Integer()),
});
