import type { ElementModel, LoopSpec, VotingRule } from '../model/types.ts';
import { IncidentSignal, type Processing } from '../processing/processing.ts';
import type { ElementInstance, MultiInstanceState, Vars } from '../state/types.ts';
import { closeSubscriptionsOf } from './subscriptions.ts';
import { childrenOf, terminate } from './termination.ts';
import { propagate, setLocal } from './variables.ts';

/**
 * Reads the collection or cardinality, then starts the first (sequential) or all (parallel) inner
 * instances; members of a role are the host's to name, so the body waits for them (membersResolved).
 */
export function startBody(p: Processing, body: ElementInstance, el: ElementModel): void {
  const loop = el.loop as LoopSpec;
  if (loop.membersOf !== undefined) {
    p.effect({ type: 'ResolveMembers', instance: p.state.id, key: body.k, el: el.id, role: loop.membersOf });
    return;
  }
  const vars = p.scopeVars(body.k);
  let items: unknown[] | undefined;
  let total: number;
  if (loop.inputCollection !== undefined) {
    const value = p.feel(loop.inputCollection, vars, `input collection of ${el.id}`);
    if (!Array.isArray(value)) {
      throw new IncidentSignal('SZ_LOOP_INVALID', `${el.id}: input collection '${loop.inputCollection}' is ${describe(value)}, not a list`);
    }
    items = value;
    total = value.length;
    if (loop.cardinality) total = Math.min(total, cardinality(p, loop, vars, el.id));
  } else if (loop.cardinality) {
    total = cardinality(p, loop, vars, el.id);
  } else {
    throw new IncidentSignal('SZ_LOOP_INVALID', `${el.id}: a multi-instance activity needs a cardinality or an input collection`);
  }
  beginRounds(p, body, el, total, items);
}

/** The body knows its rounds: the first inner instance starts (sequential), or all of them. */
export function beginRounds(p: Processing, body: ElementInstance, el: ElementModel, total: number, items: unknown[] | undefined): void {
  const loop = el.loop as LoopSpec;
  p.write({ type: 'MultiInstanceStarted', key: body.k, total, ...(loop.sequential && items ? { items } : {}) });
  if (total === 0) return p.enqueue({ op: 'complete', key: body.k });
  const count = loop.sequential ? 1 : total;
  for (let i = 0; i < count; i++) startInner(p, body.k, el, i, items?.[i]);
}

function cardinality(p: Processing, loop: LoopSpec, vars: Vars, id: string): number {
  const value = p.expr(loop.cardinality as NonNullable<LoopSpec['cardinality']>, vars, `loop cardinality of ${id}`);
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new IncidentSignal('SZ_LOOP_INVALID', `${id}: loop cardinality is ${describe(value)}, not a whole number >= 0`);
  }
  return n;
}

function describe(value: unknown): string {
  return value === null || value === undefined ? 'null' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

function startInner(p: Processing, body: string, el: ElementModel, index: number, item: unknown): void {
  const loop = el.loop as LoopSpec;
  const vars: Vars = { loopCounter: index + 1 };
  if (loop.inputElement) vars[loop.inputElement] = item ?? null;
  p.enqueue({ op: 'activate', el: el.id, parent: body, vars });
}

/** An inner instance finished: collect its output and vote, then continue, finish or wait. */
export function innerCompleted(p: Processing, inner: ElementInstance, el: ElementModel, vars: Vars | undefined, holdsVeto = false): void {
  const body = p.instance(inner.p as string) as ElementInstance;
  const loop = el.loop as LoopSpec;
  if (vars) setLocal(p, inner.k, vars);
  const local = p.scopeVars(inner.k);
  const index = Number(local.loopCounter) - 1;
  const output = loop.outputElement ? p.expr(loop.outputElement, local, `output element of ${el.id}`) : undefined;
  // Only this voter's own completion counts, never a vote visible from an enclosing scope.
  const vote = loop.voting ? readVote(vars?.[loop.voting.voteVariable]) : undefined;
  const veto = vote === 'reject' && loop.voting !== undefined && vetoes(p, loop, local, holdsVeto, el.id);
  if (output !== undefined || vote) {
    p.write({
      type: 'MultiInstanceProgressed',
      key: body.k,
      ...(output === undefined ? {} : { index, output }),
      ...(vote ? { vote } : {}),
      ...(veto ? { veto: true } : {}),
    });
  }
  if (vars && !el.outputs) propagate(p, withoutLoopVars(vars, loop), body.k);
  closeSubscriptionsOf(p, inner.k);
  p.write({ type: 'ElementCompleted', key: inner.k });
  const mi = body.mi as MultiInstanceState;
  if (isDone(p, body, el, local, mi)) {
    // The rest did not get to decide: their tasks go, decided by the others.
    for (const child of childrenOf(p, body.k)) terminate(p, child.k, 'decided');
    return p.enqueue({ op: 'complete', key: body.k });
  }
  if (loop.sequential && mi.completed < mi.total) startInner(p, body.k, el, mi.completed, mi.items?.[mi.completed]);
}

/** Whether this voter's rejection holds a veto: theirs by name (vetoBy.members), or by the role the host says they hold. */
function vetoes(p: Processing, loop: LoopSpec, local: Vars, holdsVeto: boolean, id: string): boolean {
  const by = loop.voting?.vetoBy;
  if (by?.role !== undefined) return holdsVeto;
  if (by?.members === undefined || loop.inputElement === undefined) return false;
  const named = p.feel(by.members, local, `veto of ${id}`);
  return Array.isArray(named) && named.includes(local[loop.inputElement]);
}

/** What an inner instance hands to the enclosing scopes: not its loop variables, and not a vote (the tally has it). */
function withoutLoopVars(vars: Vars, loop: LoopSpec): Vars {
  const out = { ...vars };
  delete out.loopCounter;
  if (loop.inputElement) delete out[loop.inputElement];
  if (loop.voting) delete out[loop.voting.voteVariable];
  return out;
}

function isDone(p: Processing, body: ElementInstance, el: ElementModel, local: Vars, mi: MultiInstanceState): boolean {
  if (mi.completed >= mi.total) return true;
  const loop = el.loop as LoopSpec;
  if (loop.voting && decide(loop.voting, mi, false) !== undefined) return true;
  if (!loop.completionCondition) return false;
  const vars = { ...local, ...counters(mi) };
  return p.condition(loop.completionCondition, vars, `completion condition of ${el.id} (body ${body.k})`);
}

/** Counters under Zeebe's names and Camunda 7's, so models from either read them. */
function counters(mi: MultiInstanceState): Vars {
  return {
    numberOfInstances: mi.total,
    numberOfActiveInstances: mi.active,
    numberOfCompletedInstances: mi.completed,
    nrOfInstances: mi.total,
    nrOfActiveInstances: mi.active,
    nrOfCompletedInstances: mi.completed,
  };
}

const VOTE_WORDS: Readonly<Record<string, 'approve' | 'reject' | 'abstain'>> = {
  approve: 'approve',
  reject: 'reject',
  abstain: 'abstain',
  同意: 'approve',
  不同意: 'reject',
  反对: 'reject',
  弃权: 'abstain',
};

function readVote(value: unknown): 'approve' | 'reject' | 'abstain' | undefined {
  if (value === true) return 'approve';
  if (value === false) return 'reject';
  return typeof value === 'string' ? VOTE_WORDS[value] : undefined;
}

/**
 * The outcome of a countersign vote (村民代表会议表决), decided early only once the quorum
 * has voted and the rest cannot change it: approvals already above the pass ratio of every
 * eligible voter, or unable to get there. A veto rejects at once. Abstentions count as present.
 * A unanimous rule (会签, 依次) rejects at the first rejection and passes when every member has
 * approved; a first-decision rule (或签) takes the first approval or rejection.
 */
export function decide(rule: VotingRule, mi: MultiInstanceState, final: boolean): 'passed' | 'rejected' | 'noQuorum' | undefined {
  const votes = mi.votes ?? { approve: 0, reject: 0, abstain: 0 };
  const cast = votes.approve + votes.reject + votes.abstain;
  if (mi.vetoed) return 'rejected';
  if (rule.rule === 'first') return votes.approve > 0 ? 'passed' : votes.reject > 0 ? 'rejected' : final ? 'noQuorum' : undefined;
  if (rule.rule === 'unanimous') {
    if (votes.reject > 0) return 'rejected';
    if (votes.approve === mi.total) return 'passed';
    return final ? 'rejected' : undefined;
  }
  if (rule.veto && votes.reject > 0) return 'rejected';
  if (cast < rule.quorum * mi.total) return final ? 'noQuorum' : undefined;
  if (final) return votes.approve > rule.passRatio * cast ? 'passed' : 'rejected';
  const remaining = mi.total - cast;
  if (votes.approve > rule.passRatio * mi.total) return 'passed';
  if (votes.approve + remaining <= rule.passRatio * mi.total) return 'rejected';
  return undefined;
}

/** What the body hands to its scope when it completes: the output collection and the vote. */
export function multiInstanceOutputs(body: ElementInstance, el: ElementModel): Vars {
  const loop = el.loop as LoopSpec;
  const mi = body.mi as MultiInstanceState;
  const out: Vars = {};
  if (loop.outputCollection) out[loop.outputCollection] = Array.from({ length: mi.total }, (_, i) => mi.out?.[i] ?? null);
  if (loop.voting) {
    const votes = mi.votes ?? { approve: 0, reject: 0, abstain: 0 };
    out[loop.voting.resultVariable] = { outcome: decide(loop.voting, mi, true), eligible: mi.total, ...votes };
  }
  return out;
}
