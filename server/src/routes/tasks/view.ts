import type { TaskRecord } from '@shanzhi/store';
import { displayGroups } from '../../runtime/assignment.ts';
import { iso } from '../common.ts';

/** A task as the API shows it (schemas.ts `Task`): the inbox, the task verbs and the start answer. */
export function taskView(t: TaskRecord) {
  return {
    id: t.id,
    instanceId: t.instanceId,
    elementId: t.elementId,
    definitionKey: t.definitionKey,
    unitPath: t.unitPath,
    status: t.status,
    candidateUsers: [...t.candidateUsers],
    candidateGroups: displayGroups(t.candidateGroups),
    priority: t.priority,
    createdAt: iso(t.createdAt) as string,
    version: t.version,
    ...(t.name === undefined ? {} : { name: t.name }),
    ...(t.assignee === undefined ? {} : { assignee: t.assignee }),
    ...(t.owner === undefined ? {} : { owner: t.owner }),
    ...(t.onBehalfOf === undefined ? {} : { onBehalfOf: t.onBehalfOf }),
    ...(t.dueAt === undefined ? {} : { dueAt: iso(t.dueAt) }),
    ...(t.followUpAt === undefined ? {} : { followUpAt: iso(t.followUpAt) }),
    ...(t.formKey === undefined ? {} : { formKey: t.formKey }),
    ...(t.endedAt === undefined ? {} : { endedAt: iso(t.endedAt) }),
    ...(t.endedBy === undefined ? {} : { endedBy: t.endedBy }),
  };
}
