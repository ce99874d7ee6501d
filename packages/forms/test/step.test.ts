import { describe, expect, it } from 'vitest';
import { defineForm, stepView, validateSubmission } from '../src/index.ts';

/** 两委会议商议: the deliberation step of a key matter sees the proposal, votes, and never sees the secretary's note. */
const matter = defineForm({
  key: 'key-matter',
  version: 1,
  title: '重大事项',
  schema: {
    type: 'object',
    required: ['matter'],
    dependentRequired: { secretNote: ['matter'], plan: ['secretNote'] },
    properties: {
      matter: { type: 'string', title: '事项名称' },
      plan: { type: 'string', title: '实施方案' },
      vote: { enum: ['同意', '不同意', '弃权'], title: '表决意见' },
      secretNote: { type: 'string', title: '书记备注' },
    },
  },
  uiSchema: {
    'ui:order': ['matter', 'plan', 'secretNote', 'vote'],
    plan: { 'ui:widget': 'textarea' },
    secretNote: { 'ui:widget': 'textarea' },
  },
});

const rules = [
  { field: 'matter', access: 'readonly' },
  { field: 'plan', access: 'readonly' },
  { field: 'vote', access: 'required' },
  { field: 'secretNote', access: 'hidden' },
] as const;

const record = { matter: '修建村道', plan: '硬化2公里', secretNote: '先与宏岗村商量', 其他: 1 };

describe('a form as one step shows it', () => {
  const view = stepView(matter, rules, record);

  it('leaves a hidden field out of the schema, the uiSchema, the values, and every keyword that names it', () => {
    expect(Object.keys(view.schema.properties as object)).toEqual(['matter', 'plan', 'vote']);
    expect(view.uiSchema).not.toHaveProperty('secretNote');
    expect(view.uiSchema['ui:order']).toEqual(['matter', 'plan', 'vote']);
    expect(view.values).toEqual({ matter: '修建村道', plan: '硬化2公里' });
    expect(JSON.stringify(view)).not.toContain('secretNote');
    expect(JSON.stringify(view)).not.toContain('先与宏岗村商量');
  });

  it('marks readonly fields for the renderer and adds what this step must fill in to required', () => {
    expect((view.schema.properties as Record<string, object>).plan).toMatchObject({ readOnly: true, title: '实施方案' });
    expect(view.uiSchema.plan).toEqual({ 'ui:widget': 'textarea', 'ui:readonly': true });
    expect(view.schema.required).toEqual(['matter', 'vote']);
  });

  it('changes nothing of the form itself, which still validates the whole record', () => {
    expect(Object.keys(matter.schema.properties as object)).toContain('secretNote');
    const result = validateSubmission(matter, rules, { vote: '同意' }, { previous: record });
    expect(result).toEqual({ ok: true, value: { matter: '修建村道', plan: '硬化2公里', secretNote: '先与宏岗村商量', vote: '同意' } });
  });

  it('shows every field as the form has it when the step has no rules', () => {
    const plain = stepView(matter, undefined, {});
    expect(plain.schema).toEqual(matter.schema);
    expect(plain.values).toEqual({});
  });
});

describe('what a step submits', () => {
  it('names each refused field by its title, for a message the clerk understands', () => {
    const result = validateSubmission(matter, rules, { vote: '随便' }, { previous: record });
    expect(!result.ok && result.errors).toEqual([expect.objectContaining({ field: '/vote', code: 'enum', label: '表决意见' })]);
  });

  it('refuses, when closed, a field the form does not declare, so nothing rides along into the process variables', () => {
    const result = validateSubmission(matter, rules, { vote: '同意', approved: true }, { previous: record, closed: true });
    expect(!result.ok && result.errors).toEqual([expect.objectContaining({ field: '/approved', code: 'additionalProperties' })]);
  });
});

describe('files in a form', () => {
  const photos = defineForm({
    key: 'inspection-photos',
    version: 1,
    title: '巡查照片',
    schema: {
      type: 'object',
      properties: { photos: { type: 'array', title: '现场照片', items: { type: 'string', format: 'attachment' } } },
    },
  });

  it('are attachment ids, uploaded first', () => {
    expect(validateSubmission(photos, [], { photos: ['01a24d66-9f3b-7000-a908-0bea117f9493'] }).ok).toBe(true);
    const pasted = validateSubmission(photos, [], { photos: ['data:image/png;base64,iVBORw0KGgo='] });
    expect(!pasted.ok && pasted.errors).toEqual([
      expect.objectContaining({ field: '/photos/0', code: 'format', message: '应为已上传的附件，请先上传文件' }),
    ]);
  });

  it('never carry their content in the record: a schema asking for encoded content is refused', () => {
    expect(() =>
      defineForm({
        key: 'k',
        version: 1,
        title: 't',
        schema: { type: 'object', properties: { scan: { type: 'string', contentEncoding: 'base64' } } },
      }),
    ).toThrow(/contentEncoding/);
  });
});
