import { describe, expect, it } from 'vitest';
import { boundRows, boundsToPublish, defaultsToPublish, pastTemplate } from './bounds.ts';

/** A slice of key-matters' parameters: each kind a town narrows. */
const PROPERTIES = {
  postingDays: { type: 'integer', title: '公示天数', minimum: 5, maximum: 30, default: 7 },
  committeeQuorum: { type: 'string', title: '两委会议到会比例', enum: ['1/2', '2/3', '3/4'], default: '2/3' },
  board: { type: 'string', title: '公开栏名称', maxLength: 30, default: '村务公开栏' },
  proposers: {
    type: 'array',
    title: '提议人',
    minItems: 1,
    items: { type: 'string', enum: ['approver', 'village-admin'] },
    default: ['approver'],
  },
  matters: { type: 'array', title: '重要事项清单', minItems: 1, maxItems: 50, items: { type: 'object' } },
  notify: { type: 'boolean', title: '短信提醒' },
};

describe('what a town may narrow when it publishes a template', () => {
  it('offers each parameter by its kind, with the template’s own limits, and nothing for a yes/no', () => {
    expect(boundRows(PROPERTIES)).toEqual([
      { name: 'postingDays', title: '公示天数', kind: 'range', minimum: 5, maximum: 30 },
      { name: 'committeeQuorum', title: '两委会议到会比例', kind: 'choices', options: ['1/2', '2/3', '3/4'], many: false },
      { name: 'board', title: '公开栏名称', kind: 'length', maxLength: 30 },
      {
        name: 'proposers',
        title: '提议人',
        kind: 'choices',
        options: ['approver', 'village-admin'],
        many: true,
        minItems: 1,
        maxItems: undefined,
      },
      { name: 'matters', title: '重要事项清单', kind: 'count', minItems: 1, maxItems: 50 },
    ]);
  });

  it('publishes only what narrows: a limit equal to the template’s, or every option kept, is left out', () => {
    const rows = boundRows(PROPERTIES);
    expect(
      boundsToPublish(rows, {
        postingDays: { minimum: 10, maximum: 30 },
        committeeQuorum: { enum: ['2/3', '3/4'] },
        proposers: { enum: ['approver', 'village-admin'] },
        board: { maxLength: 20 },
        matters: { minItems: 1, maxItems: 20 },
      }),
    ).toEqual({
      postingDays: { minimum: 10 },
      committeeQuorum: { enum: ['2/3', '3/4'] },
      board: { maxLength: 20 },
      matters: { maxItems: 20 },
    });
  });

  it('publishes the defaults that differ from the template’s', () => {
    expect(defaultsToPublish(PROPERTIES, { postingDays: 10, committeeQuorum: '2/3', proposers: ['approver'], board: undefined })).toEqual({
      postingDays: 10,
    });
  });

  it('flags a town limit kept from an older version that the new version no longer allows', () => {
    const [postingDays, quorum] = boundRows({ ...PROPERTIES, postingDays: { ...PROPERTIES.postingDays, minimum: 12 } });
    expect(pastTemplate(postingDays as never, { minimum: 7, maximum: 15 })).toEqual(['minimum']);
    expect(pastTemplate(postingDays as never, { minimum: 12, maximum: 15 })).toEqual([]);
    expect(pastTemplate(quorum as never, { enum: ['2/3', '3/5'] })).toEqual(['enum']);
  });
});
