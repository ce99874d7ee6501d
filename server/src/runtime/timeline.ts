import type { EventRecord, InstanceRecord, TaskRecord } from '@shanzhi/store';

export type TimelineKind = 'started' | 'arrived' | 'completed' | 'returned' | 'signersAdded' | 'ended' | 'withdrawn' | 'cancelled';

/** One line of an instance's history as people read it: who did what at which step, and why. */
export interface TimelineItem {
  readonly at: number;
  readonly kind: TimelineKind;
  readonly stepId?: string;
  readonly stepName?: string;
  readonly actor?: string;
  /** For an arrival: whom the step waits on (each countersigner has their own). */
  readonly assignee?: string;
  readonly note?: string;
}

const END_KINDS: Record<string, TimelineKind> = { withdrawn: 'withdrawn', cancelled: 'cancelled', terminated: 'cancelled' };

/**
 * The timeline of one instance, in the order its events happened: started, each user step's
 * arrival and completion by whom, returns with their reasons, signers added, the end. The tasks
 * name the steps; every other event (gateways, variables, timers) is the engine's business.
 */
export function timelineOf(instance: InstanceRecord, tasks: readonly TaskRecord[], events: readonly EventRecord[]): TimelineItem[] {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const step = (key: string) => {
    const t = byKey.get(key);
    return t ? { stepId: t.elementId, ...(t.name ? { stepName: t.name } : {}) } : undefined;
  };
  const items: TimelineItem[] = [{ at: instance.startedAt, kind: 'started', actor: instance.startedBy }];
  for (const e of events) {
    const ev = e.event;
    const line = (kind: TimelineKind, key: string | undefined, note?: string) => {
      const s = key === undefined ? {} : step(key);
      if (s === undefined) return;
      items.push({ at: e.at, kind, ...s, actor: e.actor, ...(note ? { note } : {}) });
    };
    if (ev.type === 'ElementActivated' && byKey.has(ev.el.k)) {
      const assignee = byKey.get(ev.el.k)?.assignee;
      items.push({ at: e.at, kind: 'arrived', ...step(ev.el.k), ...(assignee ? { assignee } : {}) });
    } else if (ev.type === 'ElementCompleted' && byKey.get(ev.key)?.status === 'completed') line('completed', ev.key);
    else if (ev.type === 'TaskReturned') line('returned', ev.key, ev.reason);
    else if (ev.type === 'SignersAdded') line('signersAdded', ev.key);
    else if (ev.type === 'InstanceEnded')
      items.push({ at: e.at, kind: END_KINDS[ev.status] ?? 'ended', actor: e.actor, ...(ev.reason ? { note: ev.reason } : {}) });
  }
  return items;
}
