import type { EventOf } from '../events.ts';
import { copyJson } from '../state/copyJson.ts';
import type { InstanceState } from '../state/types.ts';
import { bumpKey } from './bumpKey.ts';

export function elementActivated(state: InstanceState, e: EventOf<'ElementActivated'>): void {
  const el = copyJson(e.el);
  state.els[el.k] = el;
  bumpKey(state, el.k);
  const body = el.p === undefined ? undefined : state.els[el.p]?.mi;
  if (body) body.active += 1;
}

function remove(state: InstanceState, key: string, completed: boolean): void {
  const el = state.els[key];
  if (!el) return;
  delete state.els[key];
  const parent = el.p === undefined ? undefined : state.els[el.p];
  if (completed && parent?.loops !== undefined) parent.loops += 1;
  const body = parent?.mi;
  if (!body) return;
  body.active -= 1;
  if (completed) body.completed += 1;
}

export function elementCompleted(state: InstanceState, e: EventOf<'ElementCompleted'>): void {
  remove(state, e.key, true);
}

export function elementTerminated(state: InstanceState, e: EventOf<'ElementTerminated'>): void {
  remove(state, e.key, false);
}

export function instanceMigrated(state: InstanceState, e: EventOf<'InstanceMigrated'>): void {
  state.processId = e.processId;
  for (const [key, to] of Object.entries(e.els)) {
    const el = state.els[key];
    if (el) el.e = to;
  }
  for (const [id, to] of Object.entries(e.subs)) {
    const sub = state.subs?.[id];
    if (sub) sub.el = to;
  }
}

export function userTaskUpdated(state: InstanceState, e: EventOf<'UserTaskUpdated'>): void {
  const el = state.els[e.key];
  if (el) el.task = copyJson(e.task);
}

export function multiInstanceProgressed(state: InstanceState, e: EventOf<'MultiInstanceProgressed'>): void {
  const mi = state.els[e.key]?.mi;
  if (!mi) return;
  if (e.index !== undefined) {
    mi.out ??= [];
    mi.out[e.index] = copyJson(e.output ?? null);
  }
  if (e.vote) {
    mi.votes ??= { approve: 0, reject: 0, abstain: 0 };
    mi.votes[e.vote] += 1;
  }
  if (e.veto) mi.vetoed = true;
}

export function jobFailed(state: InstanceState, e: EventOf<'JobFailed'>): void {
  const el = state.els[e.key];
  if (el) el.retries = e.retries;
}

export function multiInstanceStarted(state: InstanceState, e: EventOf<'MultiInstanceStarted'>): void {
  const mi = state.els[e.key]?.mi;
  if (!mi) return;
  mi.total = e.total;
  if (e.items !== undefined) mi.items = copyJson(e.items);
}
