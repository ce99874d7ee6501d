import type { EventRecord, InstanceRecord, TaskRecord } from '@shanzhi/store';

export type TimelineKind = 'started' | 'arrived' | 'completed' | 'returned' | 'signersAdded' | 'ended' | 'withdrawn' | 'cancelled';

/** One line of an instance's history as people read it: who did what at which step, and why. */
export interface TimelineItem {
  readonly at: number;
  readonly kind: TimelineKind;
  readonly stepId?: string;
  readonly stepName?: string;
  readonly actor?: string;
  readonly note?: string;
}

/** The engine's events that carry what the task records do not: the reason of a return, added signers, how it ended. */
export const TIMELINE_EVENTS = new Set(['TaskReturned', 'SignersAdded', 'InstanceEnded']);

const END_KINDS: Record<string, TimelineKind> = { withdrawn: 'withdrawn', cancelled: 'cancelled', terminated: 'cancelled' };

/**
 * The timeline of one instance from its record, its tasks and the few events that say more
 * than the tasks: started, each step's arrival and completion by whom, returns with their
 * reasons, signers added, the end. Oldest first; at the same moment, in the order things happen.
 */
export function timelineOf(instance: InstanceRecord, tasks: readonly TaskRecord[], events: readonly EventRecord[]): TimelineItem[] {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const step = (t: TaskRecord | undefined) => (t ? { stepId: t.elementId, ...(t.name ? { stepName: t.name } : {}) } : {});
  const items: TimelineItem[] = [{ at: instance.startedAt, kind: 'started', actor: instance.startedBy }];
  const returned = new Set<string>();
  for (const e of events) {
    const ev = e.event;
    if (ev.type === 'TaskReturned') {
      returned.add(ev.key);
      items.push({ at: e.at, kind: 'returned', ...step(byKey.get(ev.key)), actor: e.actor, ...(ev.reason ? { note: ev.reason } : {}) });
    } else if (ev.type === 'SignersAdded') {
      items.push({ at: e.at, kind: 'signersAdded', ...step(byKey.get(ev.key)), actor: e.actor });
    } else if (ev.type === 'InstanceEnded') {
      items.push({ at: e.at, kind: END_KINDS[ev.status] ?? 'ended', actor: e.actor, ...(ev.reason ? { note: ev.reason } : {}) });
    }
  }
  for (const t of tasks) {
    items.push({ at: t.createdAt, kind: 'arrived', ...step(t) });
    if (t.status === 'completed' && t.endedAt !== undefined && !returned.has(t.key)) {
      items.push({ at: t.endedAt, kind: 'completed', ...step(t), ...(t.endedBy ? { actor: t.endedBy } : {}) });
    }
  }
  const order: Record<TimelineKind, number> = {
    started: 0,
    completed: 1,
    returned: 1,
    signersAdded: 2,
    arrived: 3,
    ended: 4,
    withdrawn: 4,
    cancelled: 4,
  };
  return items.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);
}
