import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldAtPointer, findField, insertField, moveBy, moveField, removeField, updateField } from './edits.ts';
import { type Definition, emptyForm, type FormModel, fromDefinition, newField, toDefinition } from './model.ts';
import { fieldProblems, unsupportedFields } from './problems.ts';

type Stored = { schema: Record<string, unknown>; uiSchema?: Record<string, unknown> };
/** Every form the templates ship. */
const templateForms = Object.entries(
  import.meta.glob<Stored>('../../../../templates/*/forms/*.json', { eager: true, import: 'default' }),
).map(([file, form]) => ({ file: file.replace(/^(\.\.\/)+/, ''), form }));

/**
 * The JSON Schema Test Suite (2020-12), where the peer folder holds it (as the forms conformance
 * suite finds it): every schema in it a form could be, an object at the root, made by other hands.
 */
const SUITE = join(process.env.SHANZHI_PEER ?? resolve(import.meta.dirname, '../../../../../shared/peer'), 'jsts/draft2020-12');
const suiteForms = existsSync(SUITE)
  ? readdirSync(SUITE)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) =>
        (JSON.parse(readFileSync(join(SUITE, f), 'utf8')) as { description: string; schema: unknown }[]).map((g) => ({ ...g, file: f })),
      )
      .filter((g): g is { description: string; schema: Record<string, unknown>; file: string } => {
        const schema = g.schema as Record<string, unknown> | null;
        return typeof schema === 'object' && schema !== null && schema.type === 'object';
      })
  : [];

const roundTrip = (d: Stored): Definition => toDefinition(fromDefinition(d.schema, d.uiSchema));

/** 村民建房申请, as the browser journey builds it. */
function houseForm(): FormModel {
  let m = emptyForm();
  const name = { ...newField('text', 'applicant', '申请人'), required: true, max: 50 };
  const floors = { ...newField('integer', 'floors', '层数'), min: 1, max: 3 };
  const use = {
    ...newField('choice', 'use', '用途'),
    options: [
      { value: 'self', zh: '自住', en: 'Own home' },
      { value: 'rent', zh: '出租', en: '' },
    ],
  };
  const members = newField('group', 'members', '家庭成员');
  m = insertField(insertField(insertField(insertField(m, name, 'root'), floors, 'root'), use, 'root'), members, 'root');
  m = insertField(m, newField('text', 'name', '姓名'), members.id);
  return insertField(m, newField('idNumber', 'idNumber', '身份证号'), members.id);
}

describe('the form builder model', () => {
  it('finds the templates’ forms', () => expect(templateForms.length).toBeGreaterThan(20));

  it.each(templateForms)('reads and writes $file back as it was', ({ form }) => {
    const once = roundTrip(form);
    expect(once.schema).toEqual(form.schema);
    expect(once.uiSchema).toEqual(form.uiSchema ?? {});
    expect(JSON.stringify(roundTrip(once))).toBe(JSON.stringify(once));
  });

  it.skipIf(suiteForms.length === 0).each(suiteForms)('keeps the test suite’s $file “$description” as it came', ({ schema }) => {
    expect(roundTrip({ schema }).schema).toEqual(schema);
  });

  it('writes JSON Schema 2020-12 with labels, bounds, options and a repeating group, and the English in uiSchema', () => {
    const { schema, uiSchema } = toDefinition(houseForm());
    expect(schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      additionalProperties: false,
      type: 'object',
      required: ['applicant'],
      properties: {
        applicant: { type: 'string', title: '申请人', maxLength: 50 },
        floors: { type: 'integer', title: '层数', minimum: 1, maximum: 3 },
        use: { type: 'string', title: '用途', enum: ['self', 'rent'] },
        members: {
          type: 'array',
          title: '家庭成员',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { name: { type: 'string', title: '姓名' }, idNumber: { type: 'string', title: '身份证号', format: 'cn-id' } },
          },
        },
      },
    });
    expect(uiSchema).toEqual({
      'ui:order': ['applicant', 'floors', 'use', 'members'],
      use: { 'ui:enumNames': ['自住', '出租'], 'ui:en': { options: { self: 'Own home' } } },
      members: { 'ui:field': 'table' },
    });
  });

  it('reads back what it wrote', () => {
    const written = toDefinition(houseForm());
    const read = fromDefinition(written.schema, written.uiSchema);
    expect(read.root.fields.map((f) => [f.name, f.kind])).toEqual([
      ['applicant', 'text'],
      ['floors', 'integer'],
      ['use', 'choice'],
      ['members', 'group'],
    ]);
    expect(read.root.fields[2]?.options).toEqual([
      { value: 'self', zh: '自住', en: 'Own home' },
      { value: 'rent', zh: '出租', en: '' },
    ]);
    expect(read.root.fields[3]?.inner?.fields.map((f) => f.kind)).toEqual(['text', 'idNumber']);
    expect(toDefinition(read)).toEqual(written);
  });

  it('writes a section as an object holding its own fields, required ones listed inside it', () => {
    const address = newField('section', 'address', '房屋地址');
    let m = insertField(emptyForm(), address, 'root');
    m = insertField(m, { ...newField('text', 'village', '村（社区）'), required: true }, address.id);
    m = insertField(m, { ...newField('money', 'cost', '预计造价'), min: 0, default: 100000 }, address.id);
    const written = toDefinition(m);
    expect(written.schema.properties).toEqual({
      address: {
        type: 'object',
        title: '房屋地址',
        additionalProperties: false,
        required: ['village'],
        properties: {
          village: { type: 'string', title: '村（社区）' },
          cost: { type: 'number', title: '预计造价', minimum: 0, default: 100000 },
        },
      },
    });
    expect(written.uiSchema.address).toEqual({ cost: { 'ui:widget': 'money' } });
    expect(toDefinition(fromDefinition(written.schema, written.uiSchema))).toEqual(written);
  });

  it('keeps what a plain JSON Schema from another tool says, listing the fields no palette type shows', () => {
    const schema = {
      type: 'object',
      required: ['b', 'a', 'ghost'],
      properties: {
        a: { type: 'string', title: 'A', pattern: '^x', examples: ['x1'] },
        b: { anyOf: [{ type: 'string' }, { type: 'number' }], title: 'B' },
        c: true,
        d: { type: 'string', format: 'uri' },
      },
      $defs: { kept: { type: 'string' } },
    };
    const model = fromDefinition(schema);
    expect(unsupportedFields(model).map((f) => f.name)).toEqual(['b', 'c', 'd']);
    const back = toDefinition(model);
    expect(back.schema).toEqual(schema);
    expect(back.uiSchema).toEqual({});
  });

  it('moves fields by drag or by the up and down buttons, into and out of groups, never into themselves', () => {
    const m = houseForm();
    const [applicant, floors, , members] = m.root.fields;
    if (!applicant || !floors || !members) throw new Error('the house form has its fields');
    const names = (x: FormModel) => x.root.fields.map((f) => f.name);
    expect(names(moveBy(m, floors.id, -1))).toEqual(['floors', 'applicant', 'use', 'members']);
    expect(names(moveBy(m, applicant.id, -1))).toEqual(['applicant', 'floors', 'use', 'members']);
    const moved = moveField(m, applicant.id, members.id, 0);
    expect(names(moved)).toEqual(['floors', 'use', 'members']);
    expect(findField(moved.root, members.id)?.inner?.fields.map((f) => f.name)).toEqual(['applicant', 'name', 'idNumber']);
    expect(moveField(m, members.id, members.id, 0)).toBe(m);
    expect(names(removeField(m, floors.id))).toEqual(['applicant', 'use', 'members']);
  });

  it('names the field a server problem points at, however deep', () => {
    const m = houseForm();
    expect(fieldAtPointer(m, '/schema/properties/members/items/properties/idNumber/format')?.name).toBe('idNumber');
    expect(fieldAtPointer(m, '/schema/properties/floors/minimum')?.name).toBe('floors');
    expect(fieldAtPointer(m, '/schema/required')).toBeUndefined();
  });

  it('refuses names that are not identifiers or are taken, empty titles, crossed bounds and duplicate options', () => {
    let m = houseForm();
    const [applicant, floors, use] = m.root.fields;
    if (!applicant || !floors || !use) throw new Error('the house form has its fields');
    expect(fieldProblems(m).size).toBe(0);
    m = updateField(m, applicant.id, { name: '申请人', title: ' ' });
    m = updateField(m, floors.id, { min: 5, max: 3 });
    m = updateField(m, use.id, {
      name: 'floors',
      options: [
        { value: 'a', zh: '', en: '' },
        { value: 'a', zh: '', en: '' },
      ],
    });
    expect(Object.fromEntries(fieldProblems(m))).toEqual({
      [applicant.id]: ['forms.problem.name', 'forms.problem.title'],
      [floors.id]: ['forms.problem.nameTaken', 'forms.problem.bounds'],
      [use.id]: ['forms.problem.nameTaken', 'forms.problem.options'],
    });
  });
});
