import { type TSchema, Type } from '@sinclair/typebox';

/** Every error the API answers. */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'SZ_* code, see docs/errors.md' }),
    message: Type.String({ description: 'In the language Accept-Language asks for: zh-CN (the default) or en' }),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'Error' },
);

export const Variables = Type.Record(Type.String(), Type.Unknown(), { description: 'Process variables: a JSON object' });

export const UnitPath = Type.String({
  pattern: '^/(?:[^/\\s]+/)*$',
  minLength: 1,
  maxLength: 512,
  description: 'Materialized unit path, e.g. /nanhai/lishui/hefeng/',
});

export const Id = Type.String({ minLength: 1, maxLength: 200 });

export const IsoTime = Type.String({ format: 'date-time' });

export const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });

export const Cursor = Type.String({ maxLength: 1000 });

export function page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), next: Type.Optional(Type.String()) });
}

/** Errors a route may answer, for the OpenAPI document. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref(ErrorBody)]));
}

export function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
