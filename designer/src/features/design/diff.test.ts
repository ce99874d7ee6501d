import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REVISION, reviseVillageRequest } from '../../testing/villageRequestRevision.ts';
import { diffVersions } from './diff.ts';

const V1 = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../../../server/src/demo/procedures/village-request.bpmn'),
  'utf8',
);
const V2 = reviseVillageRequest(V1);

describe('the changes between two versions of a procedure', () => {
  it('finds none between a version and itself', async () => {
    expect(await diffVersions(V1, V1)).toEqual([]);
  });

  it('names the step added, with the flows drawn to it, and the flow that now leads elsewhere', async () => {
    const changes = await diffVersions(V1, V2);
    expect(changes).toContainEqual({
      kind: 'added',
      id: REVISION.added.id,
      type: 'bpmn:UserTask',
      name: REVISION.added.name,
      properties: [],
    });
    // A flow without a name is named by its ends.
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: 'added',
        id: 'flow_committee_countersign',
        type: 'bpmn:SequenceFlow',
        name: `${REVISION.added.name} → 两委会签`,
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: 'changed',
        id: 'flow_review_countersign',
        properties: [{ path: 'targetRef', before: '两委会签', after: REVISION.added.name }],
      }),
    );
  });

  it('says what changed inside a step’s sz: extension elements, old value first', async () => {
    const review = (await diffVersions(V1, V2)).find((c) => c.id === REVISION.changed.id);
    expect(review).toEqual({
      kind: 'changed',
      id: 'review',
      type: 'bpmn:UserTask',
      name: REVISION.changed.name,
      properties: [{ path: 'sz:schedule.dueDate', ...REVISION.changed.dueDate }],
    });
  });

  it('tells a step only moved on the canvas from one that changed', async () => {
    const changes = await diffVersions(V1, V2);
    expect(changes.find((c) => c.id === REVISION.moved.id)).toEqual({
      kind: 'moved',
      id: 'start',
      type: 'bpmn:StartEvent',
      name: '发起申报',
      properties: [],
    });
    expect(changes.map((c) => c.id)).not.toContain('fill');
  });

  it('changes only the step when it is renamed, not the flows that point at it', async () => {
    const renamed = V1.replace('name="两委会签"', 'name="两委联席会签"');
    expect(await diffVersions(V1, renamed)).toEqual([
      {
        kind: 'changed',
        id: 'countersign',
        type: 'bpmn:UserTask',
        name: '两委联席会签',
        properties: [{ path: 'name', before: '两委会签', after: '两委联席会签' }],
      },
    ]);
  });

  it('names what was removed, going the other way', async () => {
    const changes = await diffVersions(V2, V1);
    expect(changes).toContainEqual({
      kind: 'removed',
      id: REVISION.added.id,
      type: 'bpmn:UserTask',
      name: REVISION.added.name,
      properties: [],
    });
  });

  it('reads field rules by field (a new rule as its access), assignment by who, renames, conditions and attributes of other tools', async () => {
    const edited = V1.replace('<sz:field name="title" access="readonly" />', '<sz:field name="title" access="hidden" />')
      .replace('<sz:assignment candidateGroups="approver" />', '<sz:assignment candidateGroups="approver" assignee="lishui-shuji" />')
      .replace(
        'name="填写申报"',
        'name="填写申报表" camunda:formKey="embedded:app:form.html" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"',
      )
      .replace(
        '<sz:field name="reviewOpinion" access="readonly" />',
        '<sz:field name="reviewOpinion" access="readonly" /><sz:field name="category" access="readonly" />',
      )
      .replace('=approval.outcome = "passed"', '=approval.outcome = "passed" and amount &lt; 50000');
    const changes = await diffVersions(V1, edited);
    const of = (id: string) => changes.find((c) => c.id === id)?.properties;
    expect(of('review')).toEqual([
      { path: 'sz:assignment.assignee', after: 'lishui-shuji' },
      { path: 'sz:form.fields[title].access', before: 'readonly', after: 'hidden' },
    ]);
    expect(of('fill')).toEqual([
      { path: 'camunda:formKey', after: 'embedded:app:form.html' },
      { path: 'name', before: '填写申报', after: '填写申报表' },
      { path: 'sz:form.fields[category].access', after: 'readonly' },
    ]);
    expect(of('flow_passed')).toEqual([
      {
        path: 'conditionExpression.body',
        before: '=approval.outcome = "passed"',
        after: '=approval.outcome = "passed" and amount < 50000',
      },
    ]);
  });
});
