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

function valueWords(t: Translate, path: string, value: string | undefined): string {
  if (value === undefined || value === '') return t('versions.value.none');
  if (path === '$type') return typeLabel(t, value);
  const access = /\.access$/.test(path) ? ACCESS[value] : undefined;
  return access ? t(access) : value;
}

export function propertyWords(t: Translate, change: PropertyChange): string {
  return t('versions.detail', {
    property: propertyLabel(t, change.path),
    before: valueWords(t, change.path, change.before),
    after: valueWords(t, change.path, change.after),
  });
}

export function changeTitle(t: Translate, change: ElementChange): string {
  return t('versions.sentence', { type: typeLabel(t, change.type), name: change.name ?? change.id });
}

export const kindLabel = (t: Translate, kind: ChangeKind): string => t(KIND[kind]);
