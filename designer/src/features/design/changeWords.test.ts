import { describe, expect, it } from 'vitest';
import { type Language, translate } from '../../i18n/index.tsx';
import { changeTitle, kindLabel, plain, propertyWords } from './changeWords.ts';
import type { ElementChange } from './diff.ts';

const review: ElementChange = {
  kind: 'changed',
  id: 'review',
  type: 'bpmn:UserTask',
  name: '书记审核',
  properties: [
    { path: 'sz:schedule.dueDate', before: 'P2WD', after: 'P3WD' },
    { path: 'sz:form.fields[title].access', before: 'readonly', after: 'hidden' },
    { path: 'sz:assignment.assignee', after: 'lishui-shuji' },
    { path: 'camunda:formKey', before: 'app:a.jsf' },
  ],
};

const translator = (language: Language) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate(language, key, params);

const words = (language: Language, change: ElementChange) => {
  const t = translator(language);
  return [`${kindLabel(t, change.kind)} ${plain(changeTitle(t, change))}`, ...change.properties.map((p) => plain(propertyWords(t, p)))];
};

describe('a change in words', () => {
  it('reads in Chinese as town staff say it', () => {
    expect(words('zh-CN', review)).toEqual([
      '修改 用户任务「书记审核」',
      '办理期限：P2WD → P3WD',
      '字段「title」：只读 → 隐藏',
      '办理人：（无） → lishui-shuji',
      'camunda:formKey：app:a.jsf → （无）',
    ]);
    expect(words('zh-CN', { kind: 'added', id: 'committee', type: 'bpmn:UserTask', name: '村委会审议', properties: [] })).toEqual([
      '新增 用户任务「村委会审议」',
    ]);
  });

  it('reads in English, and names an element without a name by its id', () => {
    expect(words('en', review)[0]).toBe('Changed user task “书记审核”');
    expect(words('en', review)[2]).toBe('Field “title”: read-only → hidden');
    expect(words('en', { kind: 'moved', id: 'Gateway_1', type: 'bpmn:ExclusiveGateway', properties: [] })).toEqual([
      'Moved exclusive gateway “Gateway_1”',
    ]);
  });

  it('keeps the procedure’s own text apart from ours, so the page leaves it untranslated', () => {
    const t = translator('en');
    expect(
      changeTitle(t, review)
        .filter((p) => p.data)
        .map((p) => p.text),
    ).toEqual(['书记审核']);
    const rule = propertyWords(t, review.properties[1] as ElementChange['properties'][number]);
    expect(rule.filter((p) => p.data).map((p) => p.text)).toEqual(['Field “title”']);
  });
});
