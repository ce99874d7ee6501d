import type { InboxQuery } from './port.ts';
import type { TaskRecord } from './records.ts';

/**
 * Who sees a task in their inbox, as "principal" strings both adapters index. A claimed task
 * belongs to its assignee alone; an unclaimed one to each candidate user and candidate group.
 * So one index lookup per principal of the reader answers "mine", "group" and "all".
 */
const principal = {
  assignee: (userId: string) => `assignee:${userId}`,
  candidateUser: (userId: string) => `user:${userId}`,
  candidateGroup: (group: string) => `group:${group}`,
};

export function principalsOfTask(task: Pick<TaskRecord, 'assignee' | 'candidateUsers' | 'candidateGroups'>): string[] {
  if (task.assignee !== undefined) return [principal.assignee(task.assignee)];
  return [...new Set([...task.candidateUsers.map(principal.candidateUser), ...task.candidateGroups.map(principal.candidateGroup)])];
}

export function principalsOfReader(query: Pick<InboxQuery, 'userId' | 'groups' | 'scope'>): string[] {
  const mine = [principal.assignee(query.userId)];
  const group = [principal.candidateUser(query.userId), ...new Set(query.groups.map(principal.candidateGroup))];
  switch (query.scope ?? 'all') {
    case 'mine':
      return mine;
    case 'group':
      return group;
    case 'all':
      return [...mine, ...group];
  }
}
