/**
 * What must hold of every instance, however it got where it is (a crash in the middle, two
 * clients racing): its stored state is what its events replay to, its task rows are its user
 * tasks, each task was announced once to each of its recipients, each timer fired once, no
 * element instance ended twice. Read from a store, never from the server's answers, so a
 * duplicate or a loss the server hides from its API is still seen.
 */
import { isDeepStrictEqual } from 'node:util';
import { type EngineEvent, replay } from '@shanzhi/engine';
import type { EventRecord, InstanceJobRecord, InstanceRecord, NotificationRecord, Store, TaskRecord } from '@shanzhi/store';

/** lost: something that happened left no trace; duplicated: something happened twice; torn: two records disagree. */
export type ProblemKind = 'lost' | 'duplicated' | 'torn';

export interface Problem {
  readonly kind: ProblemKind;
  readonly instanceId: string;
  readonly what: string;
}

export interface InstanceFacts {
  readonly instance: InstanceRecord;
  readonly tasks: readonly TaskRecord[];
  readonly events: readonly EventRecord[];
  readonly jobs: readonly InstanceJobRecord[];
  /** The notifications that announce a task to someone: a new task, a task given back (退回) or delegated. */
  readonly announcements: readonly NotificationRecord[];
}

const ANNOUNCING = ['task', 'returned', 'delegated'] as const;

export async function factsOf(store: Store, instance: InstanceRecord): Promise<InstanceFacts> {
  const [tasks, events, jobs, ...told] = await Promise.all([
    store.tasks.ofInstance(instance.id),
    store.events.ofInstance(instance.id),
    store.jobs.ofInstance(instance.id),
    ...ANNOUNCING.map((kind) => store.notifications.aboutInstance(instance.id, kind)),
  ]);
  return { instance, tasks, events, jobs, announcements: told.flat() };
}

type Of<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

function eventsOf<T extends EngineEvent['type']>(events: readonly EventRecord[], type: T): Of<T>[] {
  return events.map((e) => e.event).filter((e): e is Of<T> => e.type === type);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

/** JSON as the store keeps it: no undefined members, so replayed and stored state compare as data. */
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

export function consistencyProblems(f: InstanceFacts): Problem[] {
  const problems: Problem[] = [];
  const id = f.instance.id;
  const problem = (kind: ProblemKind, what: string) => problems.push({ kind, instanceId: id, what });

  // The history is one unbroken sequence: a gap is a lost event, a repeat a duplicated one.
  f.events.forEach((e, i) => {
    if (e.seq !== i + 1) problem(e.seq > i + 1 ? 'lost' : 'duplicated', `event #${i + 1} has seq ${e.seq}`);
  });

  // Events and state agree: replaying the history gives the stored state, version for version.
  const replayed = replay(f.events.map((e) => e.event));
  if (!isDeepStrictEqual(asStored(replayed), asStored(f.instance.state)))
    problem('torn', 'replaying its events does not give its stored state');
  if (f.instance.status !== f.instance.state.status)
    problem('torn', `status ${f.instance.status} but state says ${f.instance.state.status}`);
  const ended = eventsOf(f.events, 'InstanceEnded');
  if (ended.length > 1) problem('duplicated', `ended ${ended.length} times`);
  if ((f.instance.status === 'active') !== (ended.length === 0))
    problem('torn', `status ${f.instance.status} with ${ended.length} end events`);

  // No element instance completes or is terminated twice (a job answered twice, a task completed twice).
  const endedKeys = [...eventsOf(f.events, 'ElementCompleted'), ...eventsOf(f.events, 'ElementTerminated')].map((e) => e.key);
  for (const [key, n] of countBy(endedKeys, (k) => k)) if (n > 1) problem('duplicated', `element instance ${key} ended ${n} times`);
  const completed = new Set(eventsOf(f.events, 'ElementCompleted').map((e) => e.key));
  const terminated = new Set(eventsOf(f.events, 'ElementTerminated').map((e) => e.key));

  // Task rows are the instance's user tasks, one each, in the state their events say.
  const taskKeys = new Set(eventsOf(f.events, 'UserTaskUpdated').map((e) => e.key));
  for (const [key, n] of countBy(f.tasks, (t) => t.key)) if (n > 1) problem('duplicated', `${n} task rows for element instance ${key}`);
  const rows = new Map(f.tasks.map((t) => [t.key, t]));
  for (const key of taskKeys) if (!rows.has(key)) problem('lost', `user task ${key} has no task row`);
  for (const t of f.tasks) {
    if (!taskKeys.has(t.key)) problem('duplicated', `task row ${t.id} belongs to no user task of the history`);
    const should = completed.has(t.key) ? 'completed' : terminated.has(t.key) ? 'cancelled' : 'open';
    if (t.status !== should) problem('torn', `task ${t.id} (${t.elementId}) is ${t.status}, its events say ${should}`);
  }
  const openInState = new Set(
    Object.values(f.instance.state.els)
      .filter((ei) => ei.task && !ei.signing?.held)
      .map((ei) => ei.k),
  );
  for (const t of f.tasks) {
    if ((t.status === 'open') !== openInState.has(t.key)) problem('torn', `task ${t.id} is ${t.status} in the inbox but not in the state`);
  }
  // Two open tasks for one person at one step would be the same work handed out twice.
  const open = f.tasks.filter((t) => t.status === 'open');
  for (const [step, n] of countBy(open, (t) => `${t.elementId}/${t.assignee ?? '(group)'}`)) {
    if (n > 1) problem('duplicated', `${n} open tasks at ${step}`);
  }

  // Each task announced once to each recipient; nothing announced for a task that is not there.
  for (const [pair, n] of countBy(f.announcements, (a) => `${a.taskId}/${a.userId}`)) {
    if (n > 1) problem('duplicated', `${n} notifications of task/recipient ${pair}`);
  }
  const announced = new Map<string, Set<string>>();
  for (const a of f.announcements) {
    if (a.taskId === undefined || !rows.has(a.taskId.slice(a.taskId.lastIndexOf(':') + 1))) {
      problem('duplicated', `a ${a.kind} notification of ${a.taskId ?? 'no task'}, which is no task of the instance`);
      continue;
    }
    announced.set(a.taskId, (announced.get(a.taskId) ?? new Set()).add(a.userId));
  }
  for (const t of f.tasks) {
    const to = announced.get(t.id);
    // A task that goes to one person tells that person (first holder: the engine's assignee); a group task tells someone.
    if (!to || to.size === 0) problem('lost', `task ${t.id} (${t.elementId}) was announced to nobody`);
  }

  // Each timer fires once: a timer that fired twice did its work twice; one whose owner went on without it is lost.
  const timers = eventsOf(f.events, 'SubscriptionOpened').filter((e) => e.sub.kind === 'timer');
  const fired = countBy(eventsOf(f.events, 'SubscriptionTriggered'), (e) => e.id);
  for (const { sub } of timers) {
    const n = fired.get(sub.id) ?? 0;
    if (n > 1) problem('duplicated', `timer ${sub.id} at ${sub.el} fired ${n} times`);
    if (n === 0 && completed.has(sub.owner)) problem('lost', `timer ${sub.id} at ${sub.el}: its element completed without it firing`);
  }
  // An ended instance waits on nothing: a job left behind would run work nobody waits for.
  if (f.instance.status !== 'active' && f.jobs.length > 0) {
    problem('duplicated', `ended, yet ${f.jobs.length} jobs left (${f.jobs.map((j) => `${j.kind}:${j.type}`).join(', ')})`);
  }
  return problems;
}

/** Counts per kind, for summary lines. */
export function tally(problems: readonly Problem[]): Record<ProblemKind, number> {
  const out: Record<ProblemKind, number> = { lost: 0, duplicated: 0, torn: 0 };
  for (const p of problems) out[p.kind]++;
  return out;
}
