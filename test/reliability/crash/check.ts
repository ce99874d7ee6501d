/**
 * The crash part's verdict, read from the store the server left: each acknowledged start has its
 * instance and no start made two, each instance ran its plan to the end (the clerk's step, the
 * job, the timer and the countersign once, twice when it was sent back), each acknowledged
 * command holds, and every instance passes the consistency checks.
 */
import type { Store, TaskRecord } from '@shanzhi/store';
import { consistencyProblems, factsOf, type Problem } from '../harness/consistency.ts';
import { blindSpots } from '../harness/selfCheck.ts';
import { instancesOf } from '../harness/storeCopy.ts';
import type { Ledger } from './ledger.ts';
import { businessKey, CRASH_PROCESS, indexOf, MEMBER, returnsOnce, SECRETARY } from './model.ts';

export interface CrashCounts {
  readonly instances: number;
  readonly tasks: number;
  readonly timersFired: number;
  readonly jobsDone: number;
  readonly returns: number;
  readonly announcements: number;
}

function countBy(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

export async function checkCrash(
  store: Store,
  ledger: Ledger,
  run: string,
  instances: number,
  userIds: { secretary: string; member: string },
): Promise<{ problems: Problem[]; counts: CrashCounts; blind: string[] }> {
  const problems: Problem[] = [];
  const all = (await instancesOf(store, CRASH_PROCESS)).filter((r) => r.businessKey?.startsWith(businessKey(run, 0).replace(/0$/, '')));
  const byKey = new Map<string, typeof all>();
  for (const r of all) byKey.set(r.businessKey as string, [...(byKey.get(r.businessKey as string) ?? []), r]);
  for (const [key, rs] of byKey)
    if (rs.length > 1) problems.push({ kind: 'duplicated', instanceId: rs[0]?.id ?? '', what: `${rs.length} instances of ${key}` });
  if (all.length !== instances) {
    problems.push({
      kind: all.length > instances ? 'duplicated' : 'lost',
      instanceId: '',
      what: `${all.length} instances in the store, ${instances} started`,
    });
  }
  for (const [i, id] of ledger.started) {
    const rs = byKey.get(businessKey(run, i)) ?? [];
    if (!rs.some((r) => r.id === id)) problems.push({ kind: 'lost', instanceId: id, what: `acknowledged start ${i} has no instance` });
  }

  const tasksById = new Map<string, TaskRecord>();
  const factsById = new Map<string, Awaited<ReturnType<typeof factsOf>>>();
  const jobsDoneOf = new Map<string, number>();
  const counts = { instances: all.length, tasks: 0, timersFired: 0, jobsDone: 0, returns: 0, announcements: 0 };
  for (const instance of all) {
    const facts = await factsOf(store, instance);
    factsById.set(instance.id, facts);
    for (const t of facts.tasks) tasksById.set(t.id, t);
    problems.push(...consistencyProblems(facts));
    const problem = (kind: Problem['kind'], what: string) =>
      problems.push({ kind, instanceId: instance.id, what: `${instance.businessKey}: ${what}` });

    if (instance.status !== 'completed') {
      const at = Object.values(instance.state.els).map((e) => e.e);
      problem('lost', `${instance.status}, not completed, still at ${at.join(', ')}`);
    }
    const events = facts.events.map((e) => e.event);
    const returns = events.filter((e) => e.type === 'TaskReturned').length;
    const rounds = 1 + (returnsOnce(indexOf(instance.businessKey ?? '')) ? 1 : 0);
    if (returns !== rounds - 1) problem(returns > rounds - 1 ? 'duplicated' : 'lost', `sent back ${returns} times, planned ${rounds - 1}`);
    const activations = (el: string) =>
      events.filter((e) => e.type === 'ElementActivated' && e.el.e === el).map((e) => (e.type === 'ElementActivated' ? e.el.k : ''));
    const completedKeys = new Set(events.flatMap((e) => (e.type === 'ElementCompleted' ? [e.key] : [])));
    const done = (el: string) => activations(el).filter((k) => completedKeys.has(k)).length;
    const timerFires = events.filter((e) => e.type === 'SubscriptionTriggered').length;
    for (const [what, n] of [
      ['the clerk step done', facts.tasks.filter((t) => t.elementId === 'apply' && t.status === 'completed').length],
      ['the job done', done('check')],
      ['the timer fired', timerFires],
    ] as const) {
      if (n !== rounds) problem(n > rounds ? 'duplicated' : 'lost', `${what} ${n} times, planned ${rounds}`);
    }
    // The last round's countersign: each signer's task completed by that signer, once.
    for (const signer of [userIds.secretary, userIds.member]) {
      const signed = facts.tasks.filter((t) => t.elementId === 'sign' && t.assignee === signer);
      if (signed.length !== rounds)
        problem(
          signed.length > rounds ? 'duplicated' : 'lost',
          `${signed.length} countersign tasks for ${signer === userIds.secretary ? SECRETARY : MEMBER}, planned ${rounds}`,
        );
      if (!signed.some((t) => t.status === 'completed' && t.endedBy === signer))
        problem('lost', `the countersign of ${signer} was not completed by them`);
    }
    counts.tasks += facts.tasks.length;
    counts.timersFired += timerFires;
    counts.jobsDone += done('check');
    jobsDoneOf.set(instance.id, done('check'));
    counts.returns += returns;
    counts.announcements += facts.announcements.length;
  }

  // What the server acknowledged holds; what it may have done before a crash was done or overtaken.
  for (const c of ledger.acknowledged) {
    const facts = factsById.get(c.instanceId);
    if (!facts) {
      problems.push({ kind: 'lost', instanceId: c.instanceId, what: `acknowledged ${c.verb} ${c.target} of an instance not found` });
      continue;
    }
    // A job leaves no row once done: its completions are counted per instance, below.
    if (c.verb === 'job') continue;
    const t = tasksById.get(c.target);
    const key = c.target.slice(c.target.lastIndexOf(':') + 1);
    const holds =
      c.verb === 'complete'
        ? t?.status === 'completed' && t.endedBy === c.actor
        : t?.status === 'cancelled' && facts.events.some((e) => e.event.type === 'TaskReturned' && e.event.key === key);
    if (!holds)
      problems.push({
        kind: 'lost',
        instanceId: c.instanceId,
        what: `acknowledged ${c.verb} of ${c.target} does not hold (task ${t?.status ?? 'missing'})`,
      });
  }
  // A job completion acknowledged and then lost would be offered and acknowledged again: the same job twice,
  // or more acknowledged than the instance shows done.
  const jobAcks = ledger.acknowledged.filter((c) => c.verb === 'job');
  for (const [id, n] of countBy(jobAcks.map((c) => c.target))) {
    if (n > 1) problems.push({ kind: 'lost', instanceId: '', what: `job ${id} was acknowledged as completed ${n} times` });
  }
  for (const [instanceId, n] of countBy(jobAcks.map((c) => c.instanceId))) {
    const done = jobsDoneOf.get(instanceId) ?? 0;
    if (n > done) problems.push({ kind: 'lost', instanceId, what: `${n} job completions acknowledged, ${done} done` });
  }
  for (const c of ledger.uncertain) {
    if (c.verb === 'job') continue;
    const t = tasksById.get(c.target);
    if (!t || t.status === 'open')
      problems.push({
        kind: 'lost',
        instanceId: c.instanceId,
        what: `${c.verb} of ${c.target}, answered 409/404 after a retry, yet the task is ${t?.status ?? 'missing'}`,
      });
  }
  // The checks shown able to fail, on an instance that was sent back (every kind of record in it).
  const sample = all.find((r) => returnsOnce(indexOf(r.businessKey ?? '')));
  const sampleFacts = sample && factsById.get(sample.id);
  const blind = sampleFacts ? blindSpots(sampleFacts) : ['no instance was sent back, so the checks could not be tried on one'];
  return { problems, counts, blind };
}
