import { describe, expect, it } from 'vitest';
import { type DefinitionProblem, defineForm, FormDefinitionError, MAX_DEPTH, MAX_PROPERTIES, SUPPORTED_FORMATS } from '../src/index.ts';
import { fixture } from './support.ts';

/** The problems defineForm throws for a definition (empty when it is accepted). */
function problemsOf(input: unknown, lang?: 'zh-CN' | 'en'): DefinitionProblem[] {
  try {
    defineForm(input, lang ? { lang } : {});
    return [];
  } catch (error) {
    if (error instanceof FormDefinitionError) return [...error.problems];
    throw error;
  }
}

const base = { key: 'inspection', version: 1, title: '出租屋安全检查' };
const withSchema = (schema: Record<string, unknown>) => ({ ...base, schema });
const withProperties = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  withSchema({ type: 'object', properties, ...extra });
const where = (problems: DefinitionProblem[]) => problems.map((p) => [p.path, p.code]);

describe('defineForm', () => {
  it('accepts the 40-field rental-housing register and returns a frozen copy of it', () => {
    const input = fixture('rental-house.form.json');
    const form = defineForm(input);
    expect(form).toMatchObject({ key: 'rental-house', version: 1, title: '出租屋登记与安全检查' });
    expect(Object.keys(form.schema.properties as object)).toHaveLength(40);
    expect(Object.isFrozen((form.schema.properties as Record<string, object>).landlordMobile)).toBe(true);
    (input.schema as { properties: Record<string, unknown> }).properties.extra = { type: 'string' };
    expect(form.schema.properties).not.toHaveProperty('extra');
  });

  describe('the definition around the schema', () => {
    it('needs a key, a positive integer version and a title', () => {
      expect(where(problemsOf({ key: '出租屋', version: 0, schema: { type: 'object' } }))).toEqual([
        ['/title', 'definition-invalid'],
        ['/key', 'definition-invalid'],
        ['/version', 'definition-invalid'],
      ]);
    });

    it('refuses what is not a definition at all', () => {
      expect(where(problemsOf('rental-house'))).toEqual([['', 'definition-invalid']]);
      expect(where(problemsOf({ ...base, schema: { type: 'object' }, owner: '鹤峰村' }))).toEqual([['/owner', 'definition-invalid']]);
    });

    it('checks only the shape of the uiSchema: ui:* options typed, other keys nested uiSchemas', () => {
      const uiSchema = {
        'ui:order': 'address',
        address: { 'ui:placeholder': 12, 'ui:custom-option': { anything: true } },
        tenants: { items: { idNumber: 'mask' } },
      };
      expect(where(problemsOf({ ...withProperties({}), uiSchema }))).toEqual([
        ['/uiSchema/address/ui:placeholder', 'definition-invalid'],
        ['/uiSchema/tenants/items/idNumber', 'definition-invalid'],
        ['/uiSchema/ui:order', 'definition-invalid'],
      ]);
    });
  });

  describe('the schema itself', () => {
    it('must be valid JSON Schema 2020-12, with the path of what is wrong', () => {
      const problems = problemsOf(withProperties({ floors: { type: 'integer', minimum: '1' }, name: { minLength: -1 } }));
      expect(where(problems)).toEqual([
        ['/schema/properties/floors/minimum', 'schema-invalid'],
        ['/schema/properties/name/minLength', 'schema-invalid'],
      ]);
      expect(problems[0]?.message).toBe('不是有效的 JSON Schema 2020-12：应填写数字');
    });

    it('must be 2020-12: another dialect is named, not looked for', () => {
      expect(where(problemsOf(withSchema({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' })))).toEqual([
        ['/schema/$schema', 'dialect-unsupported'],
      ]);
    });

    it('must describe an object: a form submits a record', () => {
      expect(where(problemsOf(withSchema({ type: 'array', items: { type: 'string' } })))).toEqual([['/schema/type', 'schema-not-object']]);
      expect(where(problemsOf(withSchema({ properties: {} })))).toEqual([['/schema/type', 'schema-not-object']]);
    });

    it(`has at most ${MAX_PROPERTIES} fields, nested ones included`, () => {
      const fields = (n: number, prefix: string) =>
        Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, { type: 'string' }]));
      expect(problemsOf(withProperties(fields(MAX_PROPERTIES, 'f')))).toEqual([]);
      const problems = problemsOf(
        withProperties({ ...fields(150, 'f'), tenants: { type: 'array', items: { type: 'object', properties: fields(60, 't') } } }),
      );
      expect(where(problems)).toEqual([['/schema', 'too-many-properties']]);
      expect(problems[0]?.message).toBe('一张表单最多 200 个字段，这里有 211 个');
    });

    it(`nests at most ${MAX_DEPTH} levels, and says where it went deeper`, () => {
      let schema: Record<string, unknown> = { type: 'string' };
      for (let i = 0; i < 20; i++) schema = { type: 'object', properties: { sub: schema } };
      expect(where(problemsOf(withSchema(schema)))).toEqual([[`/schema${'/properties/sub'.repeat(16)}`, 'too-deep']]);
    });

    it('uses only the formats we check', () => {
      const problems = problemsOf(
        withProperties({ gateway: { type: 'string', format: 'ipv4' }, inspectedOn: { type: 'string', format: 'date' } }),
      );
      expect(where(problems)).toEqual([['/schema/properties/gateway/format', 'format-unsupported']]);
      expect(problems[0]?.message).toContain('cn-mobile');
      for (const format of SUPPORTED_FORMATS) expect(problemsOf(withProperties({ f: { type: 'string', format } }))).toEqual([]);
    });

    it('reads keywords only where they are keywords: a "format" inside a default is data', () => {
      expect(problemsOf(withProperties({ meta: { type: 'object', default: { format: 'ipv4', $ref: 'https://example.com' } } }))).toEqual(
        [],
      );
    });

    it('refers only within itself: no remote $ref, no $id, no dynamic references', () => {
      const problems = problemsOf(
        withProperties(
          {
            address: { $ref: 'https://schemas.example.com/address.json' },
            landlord: { $ref: '#/$defs/person' },
            manager: { $ref: '#/$defs/nobody' },
            grid: { $ref: '#grid' },
            village: { $id: 'https://example.com/village', type: 'string' },
            tree: { $dynamicRef: '#node' },
          },
          { $defs: { person: { type: 'object' }, grid: { $anchor: 'grid', type: 'string' } } },
        ),
      );
      expect(where(problems)).toEqual([
        ['/schema/properties/village/$id', 'id-not-allowed'],
        ['/schema/properties/tree/$dynamicRef', 'keyword-unsupported'],
        ['/schema/properties/address/$ref', 'ref-not-local'],
        ['/schema/properties/manager/$ref', 'ref-unresolved'],
      ]);
    });

    it('has regular expressions that compile, in pattern and patternProperties', () => {
      expect(
        where(
          problemsOf(withProperties({ registerNo: { type: 'string', pattern: '^CZW-(\\d{6}$' } }, { patternProperties: { '[': true } })),
        ),
      ).toEqual([
        ['/schema/patternProperties/[', 'pattern-invalid'],
        ['/schema/properties/registerNo/pattern', 'pattern-invalid'],
      ]);
    });

    it('refuses regular expressions that could take very long on crafted input', () => {
      expect(
        where(
          problemsOf(
            withProperties({ objection: { type: 'string', pattern: '^(a+)+$' }, houseNo: { type: 'string', pattern: '^\\d{1,4}号$' } }),
          ),
        ),
      ).toEqual([['/schema/properties/objection/pattern', 'pattern-unsafe']]);
    });

    it('compiles, or says why not', () => {
      expect(where(problemsOf(withProperties({ riskLevel: { enum: [] } })))).toEqual([['/schema', 'schema-compile']]);
    });

    it('lists every problem at once, in English when asked', () => {
      const problems = problemsOf(withProperties({ ip: { format: 'ipv4' }, ref: { $ref: 'other.json' } }), 'en');
      expect(problems.map((p) => p.message)).toEqual([
        'The format “ipv4” is not supported; use one of: date, time, date-time, duration, email, uri, uri-reference, uuid, cn-mobile, cn-id, cn-uscc, attachment.',
        'Only definitions inside this form can be referenced (like #/$defs/address), not “other.json”.',
      ]);
    });
  });
});
