import { ApiFailure } from '@shanzhi/client';
import { describe, expect, it } from 'vitest';
import { applyDrop, zoneId } from './dnd.ts';
import { findField, insertField } from './edits.ts';
import { emptyForm, type FormModel, newField, type PaletteKind } from './model.ts';
import { readFormFile } from './openFile.ts';
import { placeProblems } from './refusal.ts';

const make = (kind: PaletteKind, name: string) => newField(kind, name, kind);

/** A form with 申请人, 层数 and the group 家庭成员 holding 姓名. */
function form(): FormModel {
  const members = newField('group', 'members', '家庭成员');
  let m = insertField(emptyForm(), newField('text', 'applicant', '申请人'), 'root');
  m = insertField(insertField(m, newField('integer', 'floors', '层数'), 'root'), members, 'root');
  return insertField(m, newField('text', 'name', '姓名'), members.id);
}
const names = (m: FormModel) => m.root.fields.map((f) => f.name);
const byName = (m: FormModel, name: string) => {
  const stack = [...m.root.fields];
  for (let f = stack.shift(); f; f = stack.shift()) {
    if (f.name === name) return f;
    stack.push(...(f.inner?.fields ?? []));
  }
  throw new Error(`no field ${name}`);
};

describe('dropping in the form builder', () => {
  it('puts a palette entry dropped on a field in that field’s place, named after the first free fieldN', () => {
    const m = form();
    const { model, added } = applyDrop(m, 'palette:date', byName(m, 'floors').id, make);
    expect(names(model)).toEqual(['applicant', 'field1', 'floors', 'members']);
    expect(added?.kind).toBe('date');
  });

  it('puts it last in a group dropped on the group’s zone, and moves fields between levels', () => {
    const m = form();
    const group = byName(m, 'members');
    const { model } = applyDrop(m, 'palette:idNumber', zoneId(group.id), make);
    expect(findField(model.root, group.id)?.inner?.fields.map((f) => [f.name, f.kind])).toEqual([
      ['name', 'text'],
      ['field1', 'idNumber'],
    ]);
    const out = applyDrop(model, byName(model, 'name').id, byName(model, 'applicant').id, make).model;
    expect(names(out)).toEqual(['name', 'applicant', 'floors', 'members']);
    expect(names(applyDrop(m, byName(m, 'applicant').id, zoneId('root'), make).model)).toEqual(['floors', 'members', 'applicant']);
  });

  it('changes nothing dropped on itself, inside itself, or nowhere known', () => {
    const m = form();
    const group = byName(m, 'members');
    expect(applyDrop(m, group.id, group.id, make).model).toBe(m);
    expect(applyDrop(m, group.id, zoneId(group.id), make).model).toBe(m);
    expect(applyDrop(m, 'palette:text', 'zone:gone', make).model).toBe(m);
  });
});

describe('opening a JSON file', () => {
  it('opens a plain JSON Schema made in another tool, taking its title', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: '宅基地申请', type: 'object', properties: {} };
    expect(readFormFile(JSON.stringify(schema))).toEqual({ ok: true, form: { title: '宅基地申请', schema, uiSchema: {} } });
  });

  it('opens one of our definitions with its key, title and uiSchema', () => {
    const definition = { key: 'rental-house', title: '出租屋登记', schema: { type: 'object' }, uiSchema: { 'ui:order': [] } };
    expect(readFormFile(JSON.stringify(definition))).toEqual({ ok: true, form: definition });
  });

  it('says why a file holds no form', () => {
    expect(readFormFile('{ not json')).toMatchObject({ ok: false, problem: 'forms.fileUnreadable' });
    expect(readFormFile('[1, 2]')).toEqual({ ok: false, problem: 'forms.fileNotObject' });
    expect(readFormFile('{"type": "string"}')).toEqual({ ok: false, problem: 'forms.fileNotObject' });
  });
});

describe('a refused publication', () => {
  it('shows each of the server’s problems on the field its path names, and the rest on the page', () => {
    const m = form();
    const refusal = new ApiFailure(400, {
      code: 'SZ_FORM_DEFINITION_INVALID',
      message: '表单定义有误',
      details: {
        problems: [
          { form: 'x', path: '/schema/properties/members/items/properties/name/pattern', code: 'pattern-unsafe', message: '正则不安全' },
          { form: 'x', path: '/schema/properties/floors/maximum', code: 'schema-invalid', message: '须为数字' },
          { form: 'x', path: '/title', code: 'definition-invalid', message: '标题过长' },
        ],
      },
    });
    const { byField, other } = placeProblems(m, refusal);
    expect(Object.fromEntries(byField)).toEqual({ [byName(m, 'name').id]: ['正则不安全'], [byName(m, 'floors').id]: ['须为数字'] });
    expect(other).toEqual(['标题过长']);
    expect(placeProblems(m, new Error('offline'))).toEqual({ byField: new Map(), other: [] });
  });
});
