import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { MessageKey } from '../../../i18n/index.tsx';
import type { PanelCatalog } from './catalog.ts';
import { conditionEntry } from './condition.ts';
import { type AttributeSpec, attributeEntry, listPickerEntry } from './entries.ts';
import { type DiagramElement, extensionAttribute } from './extensions.ts';
import { FORM_NAMES, fieldRulesEntry } from './fieldRules.ts';

const ASSIGNMENT = { type: 'sz:Assignment', names: ['assignee', 'candidateUsers', 'candidateGroups'] } as const;
const FORM = { type: 'sz:Form', names: FORM_NAMES } as const;
const APPROVAL = {
  type: 'sz:Approval',
  names: ['mode', 'members', 'quorum', 'passRatio', 'veto', 'voteVariable', 'resultVariable'],
} as const;
const SCHEDULE = { type: 'sz:Schedule', names: ['dueDate', 'followUpDate', 'priority'] } as const;
const JOB = { type: 'sz:Job', names: ['type', 'retries'] } as const;

const MODES: readonly { value: string; label: MessageKey }[] = [
  { value: 'all', label: 'design.mode.all' },
  { value: 'any', label: 'design.mode.any' },
  { value: 'sequential', label: 'design.mode.sequential' },
  { value: 'vote', label: 'design.mode.vote' },
];

/** A date or duration the engine takes (docs/working-days.md), working days `P3WD` included, or FEEL. */
const DUE =
  /^(=.+|P\d+WD|P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)$/;
const RETRIES = /^(\d+|=.+)$/;

const STEP_KINDS_WITH_JOBS = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

function formVersions(catalog: PanelCatalog, element: DiagramElement) {
  const key = extensionAttribute(element, FORM.type, 'key');
  const versions = catalog.forms.find((f) => f.key === key)?.versions ?? [];
  return versions.map((v) => ({ value: String(v), label: `v${v}` }));
}

function group(id: string, label: string, entries: readonly unknown[]) {
  return { id, label, entries };
}

function assignmentGroup(element: DiagramElement, t: PanelCatalog['t']) {
  return group('sz-assignment', t('design.group.assignment'), [
    attributeEntry(element, { ...ASSIGNMENT, name: 'assignee', label: 'design.assignee', choices: (c) => c.users }),
    attributeEntry(element, {
      ...ASSIGNMENT,
      name: 'candidateUsers',
      label: 'design.candidateUsers',
      hint: 'design.candidateUsers.hint',
      feel: 'prefixed',
    }),
    listPickerEntry(element, { ...ASSIGNMENT, name: 'candidateUsers', label: 'design.candidateUsers.add' }),
    attributeEntry(element, { ...ASSIGNMENT, name: 'candidateGroups', label: 'design.candidateGroups', choices: (c) => c.roles }),
  ]);
}

function formGroup(element: DiagramElement, t: PanelCatalog['t']) {
  return group('sz-form', t('design.group.form'), [
    attributeEntry(element, {
      ...FORM,
      name: 'key',
      label: 'design.formKey',
      choices: (c) => c.forms.map((f) => ({ value: f.key, label: `${f.title}（${f.key}）` })),
      // Another form's fields are not this one's: its rules and pinned version go with it.
      alongside: () => ({ version: undefined, fields: [] }),
    }),
    attributeEntry(element, {
      ...FORM,
      name: 'version',
      label: 'design.formVersion',
      hint: 'design.formVersion.hint',
      choices: formVersions,
      parse: Number,
    }),
    fieldRulesEntry(element),
  ]);
}

function approvalGroup(element: DiagramElement, t: PanelCatalog['t']) {
  const mode = extensionAttribute(element, APPROVAL.type, 'mode');
  const spec = (s: Omit<AttributeSpec, 'type' | 'names'>) => attributeEntry(element, { ...APPROVAL, ...s });
  const entries: unknown[] = [
    spec({ name: 'mode', label: 'design.mode', choices: (c) => MODES.map((m) => ({ value: m.value, label: c.t(m.label) })) }),
  ];
  if (mode)
    entries.push(
      spec({ name: 'members', label: 'design.members', hint: 'design.members.hint', feel: 'prefixed' }),
      listPickerEntry(element, { ...APPROVAL, name: 'members', label: 'design.members.add' }),
    );
  if (mode === 'vote')
    entries.push(
      spec({ name: 'quorum', label: 'design.quorum', hint: 'design.quorum.hint' }),
      spec({ name: 'passRatio', label: 'design.passRatio', hint: 'design.passRatio.hint' }),
      spec({ name: 'veto', label: 'design.veto', hint: 'design.veto.hint', feel: 'prefixed' }),
    );
  return group('sz-approval', t('design.group.approval'), entries);
}

function scheduleGroup(element: DiagramElement, t: PanelCatalog['t']) {
  return group('sz-schedule', t('design.group.schedule'), [
    attributeEntry(element, {
      ...SCHEDULE,
      name: 'dueDate',
      label: 'design.dueDate',
      hint: 'design.dueDate.hint',
      feel: 'prefixed',
      validate: (v) => (DUE.test(v.trim()) ? undefined : 'design.dueDate.invalid'),
    }),
  ]);
}

function jobGroup(element: DiagramElement, t: PanelCatalog['t']) {
  return group('sz-job', t('design.group.job'), [
    attributeEntry(element, { ...JOB, name: 'type', label: 'design.jobType', hint: 'design.jobType.hint' }),
    attributeEntry(element, {
      ...JOB,
      name: 'retries',
      label: 'design.retries',
      validate: (v) => (RETRIES.test(v.trim()) ? undefined : 'design.retries.invalid'),
    }),
  ]);
}

/** A flow out of a gateway takes a condition; any other keeps the one it came with, to be seen and edited. */
function takesCondition(element: DiagramElement): boolean {
  if (!is(element, 'bpmn:SequenceFlow')) return false;
  const source = element.businessObject.get('sourceRef');
  return (
    is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway') || Boolean(element.businessObject.get('conditionExpression'))
  );
}

/** The groups this app adds to bpmn-js's own: what the engine reads from the sz: extension, in the chosen language. */
function szGroups(element: DiagramElement, catalog: PanelCatalog) {
  const { t } = catalog;
  if (is(element, 'bpmn:UserTask'))
    return [assignmentGroup(element, t), formGroup(element, t), approvalGroup(element, t), scheduleGroup(element, t)];
  if (is(element, 'bpmn:StartEvent')) return [formGroup(element, t)];
  if (STEP_KINDS_WITH_JOBS.some((k) => is(element, k))) return [jobGroup(element, t)];
  if (takesCondition(element)) return [group('sz-condition', t('design.group.condition'), [conditionEntry(element)])];
  return [];
}

interface Group {
  readonly id: string;
}

/** Registered with the properties panel; its groups go right after the general one (id, name). */
export class SzPropertiesProvider {
  static $inject = ['propertiesPanel', 'config.szCatalog'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: SzPropertiesProvider): void },
    private readonly catalog: PanelCatalog,
  ) {
    propertiesPanel.registerProvider(500, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: Group[]) => {
      const at = groups.findIndex((g) => g.id === 'general') + 1;
      return [...groups.slice(0, at), ...szGroups(element, this.catalog), ...groups.slice(at)];
    };
  }
}

export const SzPropertiesProviderModule = {
  __init__: ['szPropertiesProvider'],
  szPropertiesProvider: ['type', SzPropertiesProvider],
};
