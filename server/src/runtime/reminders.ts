import type { NotificationKind, Role, Store, TaskRecord } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import { taskRecipients } from './notifications.ts';
import type { Notifier } from './notifier.ts';

const HOUR_MS = 60 * 60 * 1000;

/** A task is due soon this long before it is due (即将到期). */
export const DUE_SOON_MS = 24 * HOUR_MS;
/** Each sweep looks back this far, so sweeps a busy process missed are made up. */
const LOOKBACK_MS = 15 * 60 * 1000;
/** The first sweep of a process that starts looks back this far for what fell overdue while none ran. */
const CATCH_UP_MS = 3 * 24 * HOUR_MS;
const SWEEP_EVERY_MS = 60 * 1000;
/** Tasks reminded in one sweep, per kind: the rest of a crowded window waits for the next. */
const BATCH = 500;
/** How long a reminder is remembered as sent (the shared counter's window). */
const REMEMBERED_MS = 365 * 24 * HOUR_MS;

/**
 * Tells the holders of a task that it is due within a day (due-soon) and, once its due time has
 * passed, that it is overdue: one sweep a minute in each process, over the tasks falling due in
 * a window; the store's shared counters make each reminder go out once, however many processes
 * sweep. A due date changed later is reminded afresh. A process that starts first looks back three
 * days, so what fell overdue while no process ran is still told, late.
 */
export class Reminders {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: { store: Store; clock: Clock; notifier: Notifier; log: FastifyBaseLogger }) {}

  /** One sweep: the number of reminders sent. Overdue tasks are looked for `overdueSince` back. */
  async sweep(overdueSince = LOOKBACK_MS): Promise<number> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const windows: [NotificationKind, number, number][] = [
      ['due-soon', now + DUE_SOON_MS - LOOKBACK_MS, now + DUE_SOON_MS],
      ['overdue', now - overdueSince, now],
    ];
    let sent = 0;
    for (const [kind, after, until] of windows) {
      for (const task of await store.tasks.dueBetween(after, until, BATCH)) if (await this.remind(kind, task, now)) sent++;
    }
    return sent;
  }

  start(): void {
    const sweep = (since?: number) =>
      this.sweep(since).catch((error: unknown) => this.deps.log.error({ err: error }, 'reminder sweep failed'));
    void sweep(CATCH_UP_MS);
    this.timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async remind(kind: NotificationKind, task: TaskRecord, now: number): Promise<boolean> {
    const { store, notifier } = this.deps;
    const { count } = await store.attempts.count(`${kind}:${task.id}:${task.dueAt}`, REMEMBERED_MS, now);
    if (count > 1) return false;
    const holders = (role: Role, unitPath: string) => store.users.withRoleAt(role, unitPath);
    const told = await notifier.send(kind, await taskRecipients(task, holders), await notifier.taskTopic(task));
    return told.length > 0;
  }
}
