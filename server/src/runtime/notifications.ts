import type {
  InstanceJobRecord,
  InstanceRecord,
  NotificationKind,
  NotificationRecord,
  Role,
  TaskRecord,
  User,
  WebhookRecord,
} from '@shanzhi/store';
import { selfAndAncestors } from '../units.ts';
import { displayGroups, roleGroupOf } from './assignment.ts';
import { deliveriesOf } from './webhookDeliveries.ts';

/** How each kind's title opens, in the words town and village staff use. */
const HEADINGS: Readonly<Record<NotificationKind, string>> = {
  task: '新待办',
  cc: '抄送',
  urged: '催办',
  'due-soon': '即将到期',
  overdue: '已逾期',
  returned: '已退回',
  withdrawn: '已撤回',
  delegated: '委派待办',
  objection: '村民异议',
};

/** What notifications are about: a step of an instance (or the instance), named the way titles name it. */
export interface Topic {
  readonly unitPath: string;
  readonly instanceId?: string;
  readonly taskId?: string;
  /** The step's name, e.g. 两委会议商议. */
  readonly step?: string;
  /** What the instance is about (subjectOf), e.g. 鹤峰村文化室修缮. */
  readonly subject: string;
  readonly body?: string;
  /** The user who sends it by hand (抄送, 催办); none when the procedure does. */
  readonly from?: string;
}

/** Notifications to write, and the webhook deliveries of each, for one commit. */
export interface NotificationPlan {
  readonly notifications: NotificationRecord[];
  readonly deliveries: InstanceJobRecord[];
}

export interface NotificationContext {
  readonly now: number;
  readonly newId: () => string;
  /** The webhooks at a unit and above it, enabled or not (Store.webhooks.forUnit). */
  readonly webhooks: (unitPath: string) => Promise<readonly WebhookRecord[]>;
}

/** The enabled holders of a role at exactly one unit (Store.users.withRoleAt). */
export type RoleHolders = (role: Role, unitPath: string) => Promise<readonly User[]>;

/** What an instance is about, as titles name it: its business key, else its procedure's name, else the procedure's key. */
export function subjectOf(instance: Pick<InstanceRecord, 'businessKey' | 'definitionKey'>, processName?: string): string {
  return instance.businessKey ?? processName ?? instance.definitionKey;
}

/** A task as a topic: its step, of its instance. */
export function taskTopic(task: Pick<TaskRecord, 'id' | 'instanceId' | 'unitPath' | 'name' | 'elementId'>, subject: string): Topic {
  return { unitPath: task.unitPath, instanceId: task.instanceId, taskId: task.id, step: task.name ?? task.elementId, subject };
}

/** 新待办：两委会议商议（鹤峰村文化室修缮） */
export function titleOf(kind: NotificationKind, topic: Pick<Topic, 'step' | 'subject'>): string {
  return `${HEADINGS[kind]}：${topic.step === undefined ? topic.subject : `${topic.step}（${topic.subject}）`}`;
}

/**
 * One notification of `kind` to each of the users (once each) about the topic, and a delivery to
 * each webhook that takes it. A topic of no instance gets no deliveries: a delivery is an outbox job,
 * and an outbox job belongs to an instance.
 */
export async function planNotifications(
  kind: NotificationKind,
  userIds: readonly string[],
  topic: Topic,
  ctx: NotificationContext,
): Promise<NotificationPlan> {
  const title = titleOf(kind, topic);
  const notifications = [...new Set(userIds)].map(
    (userId): NotificationRecord => ({
      id: ctx.newId(),
      userId,
      kind,
      unitPath: topic.unitPath,
      title,
      createdAt: ctx.now,
      ...(topic.instanceId === undefined ? {} : { instanceId: topic.instanceId }),
      ...(topic.taskId === undefined ? {} : { taskId: topic.taskId }),
      ...(topic.body === undefined ? {} : { body: topic.body }),
      ...(topic.from === undefined ? {} : { from: topic.from }),
    }),
  );
  if (notifications.length === 0 || topic.instanceId === undefined) return { notifications, deliveries: [] };
  const webhooks = await ctx.webhooks(topic.unitPath);
  return { notifications, deliveries: deliveriesOf(notifications, webhooks, { ...ctx, instanceId: topic.instanceId }) };
}

/**
 * Who is told of a new task: its assignee; else each candidate user and the members of each
 * candidate group, who are the holders of the group's role at its unit or, when that unit has
 * none, at the nearest unit above it that has some (a village with no approver of its own has its
 * town's). A role reaches the units below it, but a town's approvers are not told of every
 * village's task that their own village's approvers take. A group that is no role's names nobody.
 */
export async function taskRecipients(
  task: Pick<TaskRecord, 'assignee' | 'candidateUsers' | 'candidateGroups'>,
  holders: RoleHolders,
): Promise<string[]> {
  if (task.assignee !== undefined) return [task.assignee];
  const recipients = new Set(task.candidateUsers);
  for (const name of displayGroups(task.candidateGroups)) {
    const group = roleGroupOf(name);
    if (!group) continue;
    for (const unit of selfAndAncestors(group.unitPath)) {
      const members = await holders(group.role, unit);
      for (const member of members) recipients.add(member.id);
      if (members.length > 0) break;
    }
  }
  return [...recipients];
}
