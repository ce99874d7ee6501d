import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { ChangeKind, ElementChange, PropertyChange } from './diff.ts';

/** The change list in words: 修改 (the kind, on a tag) 用户任务「书记审核」, then 办理期限：P2WD → P3WD. */

const KIND: Record<ChangeKind, MessageKey> = {
  added: 'versions.kind.added',
  removed: 'versions.kind.removed',
  changed: 'versions.kind.changed',
  moved: 'versions.kind.moved',
};

const TYPES: Record<string, MessageKey> = {
  'bpmn:UserTask': 'versions.type.userTask',
  'bpmn:ServiceTask': 'versions.type.serviceTask',
  'bpmn:ScriptTask': 'versions.type.scriptTask',
  'bpmn:SendTask': 'versions.type.sendTask',
  'bpmn:ReceiveTask': 'versions.type.receiveTask',
  'bpmn:BusinessRuleTask': 'versions.type.businessRuleTask',
  'bpmn:ManualTask': 'versions.type.manualTask',
  'bpmn:Task': 'versions.type.task',
  'bpmn:CallActivity': 'versions.type.callActivity',
  'bpmn:SubProcess': 'versions.type.subProcess',
  'bpmn:StartEvent': 'versions.type.startEvent',
  'bpmn:EndEvent': 'versions.type.endEvent',
  'bpmn:IntermediateThrowEvent': 'versions.type.intermediateThrowEvent',
  'bpmn:IntermediateCatchEvent': 'versions.type.intermediateCatchEvent',
  'bpmn:BoundaryEvent': 'versions.type.boundaryEvent',
  'bpmn:ExclusiveGateway': 'versions.type.exclusiveGateway',
  'bpmn:ParallelGateway': 'versions.type.parallelGateway',
  'bpmn:InclusiveGateway': 'versions.type.inclusiveGateway',
  'bpmn:EventBasedGateway': 'versions.type.eventBasedGateway',
  'bpmn:SequenceFlow': 'versions.type.sequenceFlow',
  'bpmn:MessageFlow': 'versions.type.messageFlow',
  'bpmn:Participant': 'versions.type.participant',
  'bpmn:Lane': 'versions.type.lane',
  'bpmn:Process': 'versions.type.process',
};

/** Property paths (diff.ts) people have a word for; the first group of a pattern names the field it concerns. */
const PROPERTIES: readonly [RegExp, MessageKey][] = [
  [/^name$/, 'versions.prop.name'],
  [/^documentation\[\d+\]\.text$/, 'versions.prop.documentation'],
  [/^conditionExpression\.body$/, 'versions.prop.condition'],
  [/^sz:assignment\.assignee$/, 'versions.prop.assignee'],
  [/^sz:assignment\.candidateUsers$/, 'versions.prop.candidateUsers'],
  [/^sz:assignment\.candidateGroups$/, 'versions.prop.candidateGroups'],
  [/^sz:form\.key$/, 'versions.prop.form'],
  [/^sz:form\.version$/, 'versions.prop.formVersion'],
  [/^sz:form\.fields\[(.+)\]\.access$/, 'versions.prop.fieldAccess'],
  [/^sz:form\.fields\[(.+)\]$/, 'versions.prop.fieldRule'],
  [/^sz:schedule\.dueDate$/, 'versions.prop.dueDate'],
  [/^sz:schedule\.followUpDate$/, 'versions.prop.followUpDate'],
  [/^sz:schedule\.priority$/, 'versions.prop.priority'],
  [/^sz:approval\.mode$/, 'versions.prop.approvalMode'],
  [/^sz:approval\.members$/, 'versions.prop.approvalMembers'],
  [/^sz:(approval|voting)\.quorum$/, 'versions.prop.quorum'],
  [/^sz:(approval|voting)\.passRatio$/, 'versions.prop.passRatio'],
  [/^sz:(approval|voting)\.veto$/, 'versions.prop.veto'],
  [/^(sz:job|zeebe:taskDefinition)\.type$/, 'versions.prop.jobType'],
  [/^(sz:job|zeebe:taskDefinition)\.retries$/, 'versions.prop.retries'],
  [/^sz:notice\.title$/, 'versions.prop.noticeTitle'],
  [/^sz:notice\.body$/, 'versions.prop.noticeBody'],
  [/^sz:notice\.days$/, 'versions.prop.noticeDays'],
  [/^sz:notice\.board$/, 'versions.prop.noticeBoard'],
  [/^sourceRef$/, 'versions.prop.source'],
  [/^targetRef$/, 'versions.prop.target'],
  [/^default$/, 'versions.prop.defaultFlow'],
  [/^eventDefinitions\[\d+\]\.time(Duration|Date|Cycle)\.body$/, 'versions.prop.timer'],
  [/^\$type$/, 'versions.prop.type'],
];

const ACCESS: Record<string, MessageKey> = {
  editable: 'versions.access.editable',
  readonly: 'versions.access.readonly',
  hidden: 'versions.access.hidden',
  required: 'versions.access.required',
};

export function typeLabel(t: Translate, type: string): string {
  const key = TYPES[type];
  return key ? t(key) : type.replace(/^\w+:/, '');
}

function propertyLabel(t: Translate, path: string): string {
  for (const [pattern, key] of PROPERTIES) {
    const match = pattern.exec(path);
    if (match) return t(key, { field: match.at(-1) ?? '' });
  }
  return path;
}

/** A value as shown, and whether it is the procedure's own text (a name, an expression) rather than ours. */
function valueWords(t: Translate, path: string, value: string | undefined): { text: string; data: boolean } {
  if (value === undefined || value === '') return { text: t('versions.value.none'), data: false };
  if (path === '$type') return { text: typeLabel(t, value), data: false };
  const access = /\.access$/.test(path) ? ACCESS[value] : undefined;
  return access ? { text: t(access), data: false } : { text: value, data: true };
}

/** The parts of a line, each marked as ours or the procedure's, so a page can keep the latter untranslated. */
export type Part = { readonly text: string; readonly data: boolean };

/** A catalogue text (as `t` gives it without params) with its {params} filled by parts: "{property}：{before} → {after}". */
export function filled(template: string, parts: Record<string, Part>): Part[] {
  return template
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => parts[piece.slice(1, -1)] ?? { text: piece, data: false });
}

export function propertyWords(t: Translate, change: PropertyChange): Part[] {
  const field = /\[(.+)\]/.exec(change.path)?.[1];
  const label = propertyLabel(t, change.path);
  return filled(t('versions.detail'), {
    property: { text: label, data: field !== undefined || label === change.path },
    before: valueWords(t, change.path, change.before),
    after: valueWords(t, change.path, change.after),
  });
}

export function changeTitle(t: Translate, change: ElementChange): Part[] {
  return filled(t('versions.sentence'), {
    type: { text: typeLabel(t, change.type), data: false },
    name: { text: change.name ?? change.id, data: true },
  });
}

export const kindLabel = (t: Translate, kind: ChangeKind): string => t(KIND[kind]);

/** A line as plain text: for labels and tests. */
export const plain = (parts: readonly Part[]): string => parts.map((p) => p.text).join('');
