import type { TaskRecord } from '@shanzhi/store';
import { can, canSee, type Principal } from '../../plugins/tenancy.ts';
import { isCandidate } from '../../runtime/assignment.ts';

/**
 * Who may do what to an open task: one predicate per verb, used by the verb's route to refuse
 * and by the task detail to list what the person asking may do (so the web app never decides).
 */
export const TASK_ACTIONS = [
  'complete',
  'claim',
  'unclaim',
  'assign',
  'delegate',
  'resolve',
  'return',
  'transfer',
  'addSigners',
  'urge',
  'comment',
  'attach',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Whoever it is assigned to works a task, or, unassigned, whoever it is offered to. */
export function mayWork(t: TaskRecord, p: Principal): boolean {
  return t.assignee !== undefined ? t.assignee === p.id : isCandidate(t, p);
}

const assigns = (t: TaskRecord, p: Principal) => can(p, 'task:assign', t.unitPath);

/** Comments and files: the task's candidates, its unit's admins, and staff who may start procedures there. */
const writes = (t: TaskRecord, p: Principal) =>
  isCandidate(t, p) || (canSee(p, t.unitPath) && (assigns(t, p) || can(p, 'instance:start', t.unitPath)));

export const may = {
  complete: (t: TaskRecord, p: Principal) => mayWork(t, p) && t.owner === undefined,
  claim: (t: TaskRecord, p: Principal) => t.assignee === undefined && isCandidate(t, p),
  /** Unclaim and delegate: the task's assignee, and whoever can assign tasks at its unit. */
  unclaim: (t: TaskRecord, p: Principal) => t.assignee !== undefined && (t.assignee === p.id || assigns(t, p)),
  assign: assigns,
  delegate: (t: TaskRecord, p: Principal) => t.assignee === p.id || assigns(t, p),
  resolve: (t: TaskRecord, p: Principal) => t.owner !== undefined && t.assignee === p.id,
  return: (t: TaskRecord, p: Principal) => mayWork(t, p) || assigns(t, p),
  transfer: (t: TaskRecord, p: Principal) => mayWork(t, p) || assigns(t, p),
  addSigners: (t: TaskRecord, p: Principal) => t.owner === undefined && (mayWork(t, p) || assigns(t, p)),
  /** 催办: the one who started the matter, and whoever can assign tasks at its unit. */
  urge: (t: TaskRecord, p: Principal, startedBy?: string) => startedBy === p.id || assigns(t, p),
  comment: writes,
  attach: writes,
} satisfies Record<TaskAction, (t: TaskRecord, p: Principal, startedBy?: string) => boolean>;

/** What the person may do to the task now: nothing once it has ended. */
export function actionsOf(t: TaskRecord, p: Principal, startedBy: string | undefined): TaskAction[] {
  if (t.status !== 'open') return [];
  return TASK_ACTIONS.filter((a) => may[a](t, p, startedBy));
}
