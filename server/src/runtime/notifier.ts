import type { NotificationKind, NotificationRecord, Store, TaskRecord } from '@shanzhi/store';
import type { Clock, IdGenerator } from '../clock.ts';
import type { CommandExecutor } from './commandExecutor.ts';
import type { Definitions } from './definitions.ts';
import {
  type NotificationPlan,
  planNotifications,
  type RoleHolders,
  subjectOf,
  type Topic,
  taskRecipients,
  taskTopic,
} from './notifications.ts';

/**
 * Notifications of the kinds no engine effect causes (a copy, an urging, a return, a withdrawal,
 * a delegation), for the routes that cause them: planned for the commit of the command they go
 * with (RunOptions.notify), or sent on their own.
 */
export class Notifier {
  constructor(
    private readonly deps: {
      store: Store;
      executor: CommandExecutor;
      definitions: Definitions;
      clock: Clock;
      newId: IdGenerator;
      /** Called when deliveries were written outside a command (the workers take them). */
      wake: () => void;
    },
  ) {}

  /** A task as titles name it: its step, and what its instance is about. */
  async taskTopic(task: TaskRecord, body?: string): Promise<Topic> {
    const instance = await this.deps.store.instances.byId(task.instanceId);
    const definition = instance && (await this.deps.definitions.byId(instance.definitionId));
    const subject = instance ? subjectOf(instance, definition?.record.name) : task.definitionKey;
    return { ...taskTopic(task, subject), ...(body === undefined ? {} : { body }) };
  }

  /** Notifications of `kind` to each of the users about the topic, with their webhook deliveries, for a command's commit. */
  plan(kind: NotificationKind, userIds: readonly string[], topic: Topic): Promise<NotificationPlan> {
    const { store, clock, newId } = this.deps;
    return planNotifications(kind, userIds, topic, { now: clock.now(), newId, webhooks: (unitPath) => store.webhooks.forUnit(unitPath) });
  }

  /** One kind of notification about each of several tasks, to whoever each is offered to, as one plan (撤回 tells every holder). */
  async planForHolders(kind: NotificationKind, tasks: readonly TaskRecord[]): Promise<NotificationPlan> {
    const holders: RoleHolders = (role, unitPath) => this.deps.store.users.withRoleAt(role, unitPath);
    const plans = [];
    for (const task of tasks) plans.push(await this.plan(kind, await taskRecipients(task, holders), await this.taskTopic(task)));
    return { notifications: plans.flatMap((p) => p.notifications), deliveries: plans.flatMap((p) => p.deliveries) };
  }

  /**
   * The same, written with no command: in a commit of the topic's instance, with their deliveries,
   * or for a topic of no instance alone and without deliveries (a delivery belongs to an instance).
   */
  async send(kind: NotificationKind, userIds: readonly string[], topic: Topic): Promise<NotificationRecord[]> {
    const planned = await this.plan(kind, userIds, topic);
    if (planned.notifications.length === 0) return [];
    if (topic.instanceId === undefined) {
      await this.deps.store.notifications.add(planned.notifications);
      return planned.notifications;
    }
    if (!(await this.deps.executor.touch(topic.instanceId, { notify: planned }))) throw new Error(`no instance ${topic.instanceId}`);
    if (planned.deliveries.length > 0) this.deps.wake();
    return planned.notifications;
  }
}
