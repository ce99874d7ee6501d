import type { InboxQuery } from './port.ts';
import type { InstanceJobRecord, InstanceRecord, NotificationRecord, RegisterEntryRecord, TaskRecord, User } from './records.ts';

export type SortValue = string | number;

/**
 * An order for keyset pagination. Every field runs in the same direction and the last is the
 * record's id, so the order is total and "after the cursor" is one row-value comparison.
 * `fields` name the stored fields; each adapter maps them to its columns.
 */
export interface Sort<R> {
  readonly name: string;
  readonly direction: 'asc' | 'desc';
  readonly fields: readonly SortField[];
  keyOf(record: R): readonly SortValue[];
}

export type SortField = 'dueOrder' | 'priorityOrder' | 'createdAt' | 'startedAt' | 'dueAt' | 'username' | 'key' | 'id';

/** Tasks without a due date sort after every dated one. */
const NO_DUE_DATE = Number.MAX_SAFE_INTEGER;

export const dueOrder = (task: TaskRecord): number => task.dueAt ?? NO_DUE_DATE;
/** Negated so that "highest priority first" is an ascending order like the others. */
export const priorityOrder = (task: TaskRecord): number => -task.priority;

export type InboxSortName = NonNullable<InboxQuery['sort']>;

export const INBOX_SORTS: Readonly<Record<InboxSortName, Sort<TaskRecord>>> = {
  /** Soonest due first, undated last; equal dates oldest first. */
  due: {
    name: 'due',
    direction: 'asc',
    fields: ['dueOrder', 'createdAt', 'id'],
    keyOf: (task) => [dueOrder(task), task.createdAt, task.id],
  },
  /** Highest priority first; equal priorities oldest first. */
  priority: {
    name: 'priority',
    direction: 'asc',
    fields: ['priorityOrder', 'createdAt', 'id'],
    keyOf: (task) => [priorityOrder(task), task.createdAt, task.id],
  },
  /** Newest first. */
  created: {
    name: 'created',
    direction: 'desc',
    fields: ['createdAt', 'id'],
    keyOf: (task) => [task.createdAt, task.id],
  },
};

export const DEFAULT_INBOX_SORT: InboxSortName = 'created';

/** Instance lists: newest first. */
export const INSTANCE_SORT: Sort<InstanceRecord> = {
  name: 'started',
  direction: 'desc',
  fields: ['startedAt', 'id'],
  keyOf: (instance) => [instance.startedAt, instance.id],
};

/** User lists: by username. */
export const USER_SORT: Sort<User> = {
  name: 'username',
  direction: 'asc',
  fields: ['username', 'id'],
  keyOf: (user) => [user.username, user.id],
};

/** A user's notifications: newest first. */
export const NOTIFICATION_SORT: Sort<NotificationRecord> = {
  name: 'notified',
  direction: 'desc',
  fields: ['createdAt', 'id'],
  keyOf: (notification) => [notification.createdAt, notification.id],
};

/** Dead letters: the last given up first (a dead letter is due when it was given up). */
export const DEAD_LETTER_SORT: Sort<InstanceJobRecord> = {
  name: 'given-up',
  direction: 'desc',
  fields: ['dueAt', 'id'],
  keyOf: (job) => [job.dueAt, job.id],
};

/** Register entries: by key, which is unique within a register as an id is. */
export const REGISTER_ENTRY_SORT: Sort<RegisterEntryRecord> = {
  name: 'key',
  direction: 'asc',
  fields: ['key'],
  keyOf: (entry) => [entry.key],
};
