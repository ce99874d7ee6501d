import type { EngineEvent, Problem, Subscription } from '@shanzhi/engine';
import { formatLocalTime } from '@shanzhi/engine';
import type { MemoryRuntime } from '@shanzhi/engine/testing';
import { EVENT_LABELS, type Translate } from './labels.ts';
import type { Session } from './session.ts';
import { formatValue, oneLine, pad, width } from './text.ts';

type Notice = MemoryRuntime['notices'][number];

/** Prints the run: one line per event as it happens, steps, rejections and the final summary; text or JSON lines. */
export class Printer {
  private readonly labelWidth: number;

  constructor(
    private readonly session: Session,
    private readonly t: Translate,
    private readonly json: boolean,
    private readonly write: (line: string) => void,
  ) {
    this.labelWidth = Math.max(...EVENT_LABELS.map((l) => width(t(l)))) + 1;
  }

  private time(at = this.session.rt.now): string {
    return formatLocalTime(at, this.session.timeZone);
  }

  private line(instance: string, label: string, subject: string, details = ''): void {
    this.write(`${this.time()}  ${pad(instance, 4)} ${pad(label, this.labelWidth)} ${subject}${details ? `  ${details}` : ''}`.trimEnd());
  }

  /** "propose 党组织提议" for an element id, the process name for the root. */
  private el(instance: string, id: string | undefined): string {
    if (id === undefined) return '?';
    const info = this.session.element(instance, id);
    return info.name ? `${id} ${oneLine(info.name)}` : id;
  }

  /** An element instance: its element, and "#n" for the n-th instance of a multi-instance activity. */
  private key(instance: string, key: string): string {
    const loop = this.session.loopCounter(instance, key);
    return `${this.el(instance, this.session.elementOfKey(instance, key))}${loop === undefined ? '' : ` #${loop}`}`;
  }

  private sub(instance: string, id: string): string {
    const sub = this.session.subscription(instance, id);
    return sub ? this.el(instance, sub.el) : id;
  }

  private waitsFor(s: Subscription): string {
    const t = this.t;
    switch (s.kind) {
      case 'timer':
        return `${t('timer')} ${t('dueAt')} ${this.time(s.dueAt)}`;
      case 'message':
        return `${t('message')} '${s.name}'${s.key === undefined ? '' : ` ${t('key')} ${s.key}`}`;
      case 'signal':
        return `${t('signal')} '${s.name}'`;
      case 'conditional':
        return t('conditional');
    }
  }

  event(instance: string, e: EngineEvent): void {
    if (this.json) {
      this.write(JSON.stringify({ at: new Date(this.session.rt.now).toISOString(), instance, ...e }));
      return;
    }
    const t = this.t;
    const label = t(e.type);
    const put = (subject: string, details = '') => this.line(instance, label, subject, details);
    switch (e.type) {
      case 'InstanceCreated':
        return put(
          this.el(instance, e.processId),
          [e.businessKey ? `${t('businessKey')} ${e.businessKey}` : '', e.parent ? `← ${e.parent.instance}` : '', formatValue(e.vars)]
            .filter(Boolean)
            .join('  '),
        );
      case 'ElementActivated': {
        const info = this.session.element(instance, e.el.e);
        const extra = e.el.mi ? t('body') : e.el.vars ? formatValue(e.el.vars) : '';
        return put(this.el(instance, e.el.e), `(${info.kind})${extra ? ` ${extra}` : ''}`);
      }
      case 'ElementCompleted':
      case 'ElementTerminated':
        return put(this.key(instance, e.key));
      case 'FlowTaken': {
        const flow =
          this.session.instance(instance)?.model.processes[this.session.instance(instance)?.state.processId ?? '']?.flows[e.flow];
        return put(e.flow, flow ? `${flow.source} → ${flow.target}` : '');
      }
      case 'JoinFired':
        return put(this.el(instance, e.gateway));
      case 'VariablesSet':
        return put(this.key(instance, e.key), formatValue(e.vars));
      case 'UserTaskUpdated': {
        const task = e.task;
        const bits = [
          task.assignee ? `${t('assignee')} ${task.assignee}` : '',
          task.candidateUsers?.length ? `${t('candidates')} ${task.candidateUsers.join(',')}` : '',
          task.candidateGroups?.length ? `${t('candidates')} ${task.candidateGroups.join(',')}` : '',
          task.dueAt === undefined ? '' : `${t('dueAt')} ${this.time(task.dueAt)}`,
        ];
        return put(this.key(instance, e.key), bits.filter(Boolean).join('  '));
      }
      case 'SubscriptionOpened':
        return put(this.el(instance, e.sub.el), this.waitsFor(e.sub));
      case 'SubscriptionTriggered':
        return put(
          this.sub(instance, e.id),
          [e.nextDueAt === undefined ? '' : `${t('next')} ${this.time(e.nextDueAt)}`, e.variables ? formatValue(e.variables) : '']
            .filter(Boolean)
            .join('  '),
        );
      case 'SubscriptionClosed':
        return put(this.sub(instance, e.id));
      case 'MultiInstanceStarted':
        return put(this.key(instance, e.key), `${e.total} ${t('total')}`);
      case 'MultiInstanceProgressed':
        return put(
          this.key(instance, e.key),
          [e.vote ? t(e.vote) : '', e.index === undefined ? '' : `#${e.index + 1} ${formatValue(e.output)}`].filter(Boolean).join('  '),
        );
      case 'ConditionEvaluated':
        return put(this.sub(instance, e.id), String(e.value));
      case 'JobFailed':
        return put(this.key(instance, e.key), `${e.message}  ${t('retries')} ${e.retries}`);
      case 'IncidentRaised':
        return put(this.el(instance, e.incident.el), `${e.incident.code}: ${e.incident.message}`);
      case 'IncidentResolved':
        return put(e.id);
      case 'CompensationRecorded':
        return put(this.el(instance, e.record.el));
      case 'CompensationStarted':
        return put(e.records.map((r) => this.el(instance, r.el)).join(', '));
      case 'InstanceMigrated':
        return put(this.el(instance, e.processId));
      case 'InstanceEnded':
        return put(this.el(instance, this.session.instance(instance)?.state.processId), t(e.status));
      default:
        return put(formatValue(e));
    }
  }

  notice(n: Notice): void {
    if (this.json) {
      this.write(JSON.stringify({ at: new Date(this.session.rt.now).toISOString(), ...n }));
      return;
    }
    const where = [n.board, `${n.days} ${this.t('days')}`].filter(Boolean).join(', ');
    this.line(
      n.instance,
      this.t('Notice'),
      this.el(n.instance, n.el),
      `「${n.title}」 (${where})${n.body ? ` ${formatValue(n.body, 80)}` : ''}`,
    );
  }

  step(index: number, total: number, step: object): void {
    if (this.json) {
      this.write(JSON.stringify({ type: 'Step', index: index + 1, step }));
      return;
    }
    this.write(`── ${this.t('step')} ${index + 1}/${total}: ${formatValue(step, 200)}`);
  }

  info(text: string): void {
    if (this.json) this.write(JSON.stringify({ type: 'Info', message: text }));
    else this.write(`   ${text}`);
  }

  rejected(index: number | undefined, code: string, message: string): void {
    if (this.json) {
      this.write(JSON.stringify({ type: 'Rejected', ...(index === undefined ? {} : { step: index + 1 }), code, message }));
      return;
    }
    this.write(`✗ ${this.t('rejectedStep')}${index === undefined ? '' : ` ${index + 1}`}: ${code}: ${message}`);
  }

  /** Status, variables, open tasks, jobs, waits, incidents and notices of every instance. */
  summary(main: string): void {
    const s = this.session;
    const ids = [main, ...[...s.rt.instances.keys()].filter((id) => id !== main)];
    if (this.json) {
      const instances = ids.map((id) => {
        const inst = s.instance(id);
        return { id, processId: inst?.state.processId, status: inst?.state.status, variables: s.variables(id) };
      });
      this.write(
        JSON.stringify({
          type: 'Summary',
          at: new Date(s.rt.now).toISOString(),
          instances,
          tasks: s.tasks(),
          jobs: s.jobs().map(({ variables: _, ...job }) => job),
          waits: s.waits(),
          incidents: s.rt.incidents(),
          notices: s.rt.notices,
        }),
      );
      return;
    }
    const t = this.t;
    const head = (title: string) => this.write(`\n── ${title} ──`);
    const none = () => this.write(`  ${t('none')}`);
    head(t('status'));
    for (const id of ids) {
      const inst = s.instance(id);
      if (inst) this.write(`  ${id}  ${this.el(id, inst.state.processId)}: ${t(inst.state.status)}  (${this.time()})`);
    }
    head(t('variables'));
    for (const line of JSON.stringify(s.variables(main), null, 2).split('\n')) this.write(`  ${line}`);
    head(t('openTasks'));
    const tasks = s.tasks();
    if (tasks.length === 0) none();
    for (const task of tasks) {
      const who = [task.assignee, ...(task.candidateUsers ?? []), ...(task.candidateGroups ?? [])].filter(Boolean).join(', ');
      this.write(`  ${task.instance}  ${this.el(task.instance, task.el)}${who ? `  (${who})` : ''}`);
    }
    const jobs = s.jobs();
    if (jobs.length > 0) {
      head(t('openJobs'));
      for (const job of jobs)
        this.write(`  ${job.instance}  ${this.el(job.instance, job.el)}  ${t('job')} '${job.jobType}'  ${t('retries')} ${job.retries}`);
    }
    const waits = s.waits();
    if (waits.length > 0) {
      head(t('waits'));
      for (const w of waits) this.write(`  ${w.instance}  ${this.el(w.instance, w.sub.el)}  ${this.waitsFor(w.sub)}`);
    }
    const incidents = s.rt.incidents();
    if (incidents.length > 0) {
      head(t('incidents'));
      for (const i of incidents) this.write(`  ${i.instance}  ${this.el(i.instance, i.el)}  ${i.code}: ${i.message}`);
    }
    if (s.rt.notices.length > 0) {
      head(t('notices'));
      for (const n of s.rt.notices) this.write(`  ${n.instance}  「${n.title}」 ${n.board ?? ''} ${n.days} ${t('days')}`.trimEnd());
    }
  }
}

/** Compile problems, each with the element id, its type, the message and the rule broken. */
export function printProblems(list: readonly Problem[], t: Translate, json: boolean, write: (line: string) => void): void {
  if (json) {
    write(JSON.stringify({ type: 'Problems', problems: list }));
    return;
  }
  write(`${t('problems')} (${list.length}):`);
  for (const p of list) write(`  ✗ ${p.elementId ?? '-'} (${p.elementType ?? '-'}): ${p.message} [${p.rule}]`);
}
