/**
 * The consistency checks, shown able to fail: a real instance's facts, which pass, are damaged in
 * the ways a crash or a race could damage them (a notification written twice, a task row lost, a
 * timer fired twice, an event lost, state that does not match its events), and each damage must
 * be reported as what it is. A check that passes a damaged instance would pass a broken server.
 */
import type { EventRecord } from '@shanzhi/store';
import { consistencyProblems, type InstanceFacts, type ProblemKind } from './consistency.ts';

interface Damage {
  readonly what: string;
  readonly expect: ProblemKind;
  readonly apply: (f: InstanceFacts) => InstanceFacts | undefined;
}

const appended = (events: readonly EventRecord[], event: EventRecord['event']): EventRecord[] => {
  const last = events.at(-1) as EventRecord;
  return [...events, { ...last, seq: last.seq + 1, event }];
};

const DAMAGES: readonly Damage[] = [
  {
    what: 'a task announced twice to the same person',
    expect: 'duplicated',
    apply: (f) => (f.announcements[0] ? { ...f, announcements: [...f.announcements, { ...f.announcements[0], id: 'again' }] } : undefined),
  },
  {
    what: 'a task row lost',
    expect: 'lost',
    apply: (f) => (f.tasks.length > 0 ? { ...f, tasks: f.tasks.slice(1) } : undefined),
  },
  {
    what: 'a task never announced',
    expect: 'lost',
    apply: (f) => (f.tasks[0] ? { ...f, announcements: f.announcements.filter((a) => a.taskId !== f.tasks[0]?.id) } : undefined),
  },
  {
    what: 'a timer fired twice',
    expect: 'duplicated',
    apply: (f) => {
      const fired = f.events.find((e) => e.event.type === 'SubscriptionTriggered');
      return fired ? { ...f, events: appended(f.events, fired.event) } : undefined;
    },
  },
  {
    what: 'an event lost from the middle of the history',
    expect: 'lost',
    apply: (f) => (f.events.length > 3 ? { ...f, events: [...f.events.slice(0, 2), ...f.events.slice(3)] } : undefined),
  },
  {
    what: 'stored state that its events do not give',
    expect: 'torn',
    apply: (f) => ({ ...f, instance: { ...f.instance, state: { ...f.instance.state, next: f.instance.state.next + 1 } } }),
  },
  {
    what: 'a task left open in the inbox after its instance ended',
    expect: 'torn',
    apply: (f) => (f.tasks[0] ? { ...f, tasks: [{ ...f.tasks[0], status: 'open' }, ...f.tasks.slice(1)] } : undefined),
  },
];

/** What the checks failed to see in `facts` damaged (nothing: they saw every damage); `facts` must pass as it is. */
export function blindSpots(facts: InstanceFacts): string[] {
  const before = consistencyProblems(facts);
  if (before.length > 0) return [`the instance chosen for the self-check is not consistent itself: ${before[0]?.what}`];
  const missed: string[] = [];
  for (const damage of DAMAGES) {
    const damaged = damage.apply(facts);
    if (!damaged) {
      missed.push(`cannot try '${damage.what}' on instance ${facts.instance.id}`);
      continue;
    }
    if (!consistencyProblems(damaged).some((p) => p.kind === damage.expect))
      missed.push(`the checks do not see ${damage.what} (as ${damage.expect})`);
  }
  return missed;
}

export const DAMAGE_COUNT = DAMAGES.length;
