import { describe, expect, it } from 'vitest';
import { inLanguage } from './language.ts';

const schema = {
  type: 'object',

  properties: {
    use: { type: 'string', title: '用途', description: '选一项', enum: ['self', 'rent'] },
    members: { type: 'array', title: '家庭成员', items: { type: 'object', properties: { name: { type: 'string', title: '姓名' } } } },
    note: { type: 'string', title: '备注' },
  },
};
const uiSchema = {
  'ui:en': { title: 'Application' },
  'ui:order': ['use', 'members', 'note'],
  use: { 'ui:enumNames': ['自住', '出租'], 'ui:en': { title: 'Use', help: 'Pick one', options: { self: 'Own home' } } },
  members: { 'ui:field': 'table', 'ui:en': { title: 'Family' }, items: { name: { 'ui:en': { title: 'Name' } } } },
};

describe('a form in the reader’s language', () => {
  it('is the schema as written in Chinese', () => {
    expect(inLanguage(schema, uiSchema, 'zh-CN')).toEqual({ schema, uiSchema });
  });

  it('takes the English labels, help and option names where the author gave them, and keeps the Chinese where not', () => {
    const { schema: en, uiSchema: ui } = inLanguage(schema, uiSchema, 'en');
    expect(en.properties).toEqual({
      use: { type: 'string', title: 'Use', description: 'Pick one', enum: ['self', 'rent'] },
      members: { type: 'array', title: 'Family', items: { type: 'object', properties: { name: { type: 'string', title: 'Name' } } } },
      note: { type: 'string', title: '备注' },
    });
    expect(ui.use).toMatchObject({ 'ui:enumNames': ['Own home', '出租'] });
    expect(ui['ui:order']).toEqual(['use', 'members', 'note']);
    expect(en.title).toBeUndefined();
    expect(ui.members).toMatchObject({ 'ui:field': 'table' });
  });
});
