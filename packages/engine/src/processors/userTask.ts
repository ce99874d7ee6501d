import { openInboxTask } from '../behaviors/inbox.ts';
import type { ElementModel, Expr } from '../model/types.ts';
import { type ElementProcessor, IncidentSignal, type Processing } from '../processing/processing.ts';
import type { UserTaskState, Vars } from '../state/types.ts';
import { onceDueAt, parseDue } from '../timers/index.ts';

/** Opens an inbox task with its evaluated assignment and schedule; waits for completeUserTask. */
export const userTask: ElementProcessor = {
  run(p, ei, el, work) {
    const task = evaluateTask(p, el, p.scopeVars(ei.k));
    if (work?.assignee !== undefined) task.assignee = work.assignee;
    openInboxTask(p, ei.k, el, task, work?.returned);
  },
  terminate(p, ei, _el, why) {
    p.effect({ type: 'CloseUserTask', instance: p.state.id, key: ei.k, reason: why });
  },
};

export function evaluateTask(p: Processing, el: ElementModel, vars: Vars): UserTaskState {
  const task: UserTaskState = {};
  const a = el.assignment;
  const what = (x: string) => describe(x, el);
  if (a?.assignee) {
    const v = p.expr(a.assignee, vars, what('assignee'));
    if (v !== null && v !== undefined && v !== '') task.assignee = String(v);
  }
  if (a?.candidateUsers) task.candidateUsers = list(p.expr(a.candidateUsers, vars, what('candidate users')));
  if (a?.candidateGroups) task.candidateGroups = list(p.expr(a.candidateGroups, vars, what('candidate groups')));
  if (el.dueDate) task.dueAt = instant(p, el.dueDate, vars, what('due date'));
  if (el.followUpDate) task.followUpAt = instant(p, el.followUpDate, vars, what('follow-up date'));
  if (el.priority) {
    const n = Number(p.expr(el.priority, vars, what('priority')));
    if (!Number.isInteger(n) || n < 0 || n > 100)
      throw new IncidentSignal('SZ_EXPRESSION_FAILED', `${what('priority')} must be a whole number 0-100`);
    task.priority = n;
  }
  return task;
}

function describe(what: string, el: ElementModel): string {
  return `${what} of user task ${el.id}`;
}

/** A list from a FEEL list or a comma-separated literal ("两委@鹤峰村, 书记@鹤峰村"). */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === null || value === undefined) return [];
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A due or follow-up date: an ISO date-time, or a duration (P3D) or working days (P3WD) from now. */
function instant(p: Processing, value: Expr, vars: Vars, what: string): number {
  const parsed = parseDue(String(p.expr(value, vars, what)), p.model.timeZone);
  if (!parsed.ok) throw new IncidentSignal('SZ_EXPRESSION_FAILED', `${what}: ${parsed.message}`);
  return onceDueAt(parsed.plan, p.ctx.now, p.ctx.calendar);
}
