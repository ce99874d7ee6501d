import type { ModdleElement } from 'bpmn-moddle';
import type { ElementKind, ElementModel, Expr, FieldRule, LoopSpec, Mapping, NoticeSpec, StandardLoopSpec } from '../model/types.ts';
import { APPROVER, readApproval, readVoting } from './approval.ts';
import { checkDue } from './dueDates.ts';
import { readExpr, readFeel } from './expressions.ts';
import { extension, firstExtension, many, ref, str } from './extensions.ts';
import type { Problems } from './problems.ts';
import { messageTrigger, readTrigger } from './triggers.ts';

export const KINDS: Readonly<Record<string, ElementKind>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:Task': 'task',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:Transaction': 'transaction',
  'bpmn:CallActivity': 'callActivity',
};

/** Flow elements that carry no behaviour: skipped without a word. */
export const IGNORED = new Set(['bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Draft = Mutable<ElementModel> & { incoming: string[]; outgoing: string[]; boundaries?: string[] };

/** Reads one flow node into its model; expressions are checked here and problems name the node. */
export function readElement(node: ModdleElement, kind: ElementKind, scope: string, timeZone: string, problems: Problems): Draft {
  const id = node.id as string;
  const el: Draft = { id, kind, scope, incoming: [], outgoing: [] };
  const name = str(node, 'name');
  if (name !== undefined) el.name = name;
  const read = (text: string | undefined, what: string) => readExpr(text, `${what} of ${id}`, node, problems);

  if (kind.endsWith('Event')) el.trigger = readTrigger(node, timeZone, problems);
  if (kind === 'boundaryEvent') {
    el.interrupting = node.cancelActivity !== false;
    const attached = ref(node, 'attachedToRef')?.id;
    if (attached) el.attachedTo = attached;
  }
  if (kind === 'startEvent') el.interrupting = node.isInterrupting !== false;
  if (node.triggeredByEvent === true) el.triggeredByEvent = true;
  if (node.isForCompensation === true) el.isForCompensation = true;

  const io = extension(node, 'zeebe:IoMapping');
  if (io) {
    const inputs = mappings(many(io, 'inputParameters'), id, 'input', node, problems);
    const outputs = mappings(many(io, 'outputParameters'), id, 'output', node, problems);
    if (inputs.length > 0) el.inputs = inputs;
    if (outputs.length > 0) el.outputs = outputs;
  }
  const notice = readNotice(node, problems);
  if (notice) el.notice = notice;

  switch (kind) {
    case 'userTask':
      readUserTask(node, el, read, timeZone, problems);
      break;
    case 'serviceTask':
    case 'businessRuleTask':
    case 'sendTask':
      readJob(node, el, read, problems);
      if (kind === 'sendTask') readMessageRef(node, el, problems);
      break;
    case 'receiveTask':
      readMessageRef(node, el, problems);
      break;
    case 'startEvent':
      readForm(node, el, problems);
      break;
    case 'scriptTask':
      readScript(node, el, problems);
      break;
    case 'callActivity':
      readCall(node, el, read, problems);
      break;
    default:
      break;
  }
  const loop = ref(node, 'loopCharacteristics');
  const approval = kind === 'userTask' ? readApproval(node, problems) : undefined;
  if (approval) {
    if (loop)
      problems.add(
        'approval-invalid',
        `user task ${id}: sz:approval already makes it a countersign; remove its loop characteristics`,
        node,
      );
    el.loop = approval;
    el.assignment ??= { assignee: { feel: APPROVER } };
  } else if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') el.loop = readLoop(node, loop, read, problems);
  else if (loop?.$type === 'bpmn:StandardLoopCharacteristics') {
    const standard = readStandardLoop(node, loop, problems);
    if (standard) el.standardLoop = standard;
  }
  return el;
}

function mappings(list: ModdleElement[], id: string, what: string, node: ModdleElement, problems: Problems): Mapping[] {
  const out: Mapping[] = [];
  for (const m of list) {
    const target = str(m, 'target');
    const source = readExpr(str(m, 'source'), `${what} mapping of ${id}`, node, problems);
    if (!target || !source) {
      problems.add('mapping-invalid', `${id}: an ${what} mapping needs a source and a target`, node);
      continue;
    }
    out.push({ source, target });
  }
  return out;
}

type Read = (text: string | undefined, what: string) => Expr | undefined;

function readUserTask(node: ModdleElement, el: Draft, read: Read, timeZone: string, problems: Problems): void {
  const a = firstExtension(node, 'sz:Assignment', 'zeebe:AssignmentDefinition');
  const assignee = read(str(a, 'assignee'), 'assignee');
  const candidateUsers = read(str(a, 'candidateUsers'), 'candidate users');
  const candidateGroups = read(str(a, 'candidateGroups'), 'candidate groups');
  if (assignee || candidateUsers || candidateGroups) {
    el.assignment = {
      ...(assignee ? { assignee } : {}),
      ...(candidateUsers ? { candidateUsers } : {}),
      ...(candidateGroups ? { candidateGroups } : {}),
    };
  }
  const schedule = firstExtension(node, 'sz:Schedule', 'zeebe:TaskSchedule');
  const readDate = (attribute: string, what: string) =>
    checkDue(read(str(schedule, attribute), what), `${what} of ${el.id}`, timeZone, node, problems);
  const dueDate = readDate('dueDate', 'due date');
  const followUpDate = readDate('followUpDate', 'follow-up date');
  const priority = read(str(schedule, 'priority') ?? str(extension(node, 'zeebe:PriorityDefinition'), 'priority'), 'priority');
  if (dueDate) el.dueDate = dueDate;
  if (followUpDate) el.followUpDate = followUpDate;
  if (priority) el.priority = priority;
  readForm(node, el, problems);
}

/** The form a user task (or a start event: the start form) shows, with the step's field rules. */
function readForm(node: ModdleElement, el: Draft, problems: Problems): void {
  const form = extension(node, 'sz:Form');
  const zeebeForm = extension(node, 'zeebe:FormDefinition');
  const what = el.kind === 'userTask' ? 'user task' : 'start event';
  if (form) {
    const key = str(form, 'key');
    if (!key) problems.add('form-without-key', `${what} ${el.id}: sz:form needs a key`, node);
    const fields: FieldRule[] = [];
    for (const f of many(form, 'fields')) {
      const access = str(f, 'access') ?? 'editable';
      const field = str(f, 'name');
      if (!field || !['editable', 'readonly', 'hidden', 'required'].includes(access)) {
        problems.add(
          'field-rule-invalid',
          `${what} ${el.id}: field rule '${field ?? ''}' needs a name and access editable|readonly|hidden|required`,
          node,
        );
        continue;
      }
      fields.push({ field, access: access as FieldRule['access'] });
    }
    const version = form.version;
    el.form = { key: key ?? '', fields, ...(typeof version === 'number' ? { version } : {}) };
  } else if (zeebeForm) {
    el.form = { key: str(zeebeForm, 'formId') ?? str(zeebeForm, 'formKey') ?? '', fields: [] };
  }
}

function readJob(node: ModdleElement, el: Draft, read: Read, problems: Problems): void {
  const def = firstExtension(node, 'sz:Job', 'zeebe:TaskDefinition');
  const jobType = read(str(def, 'type'), 'job type');
  if (jobType) el.jobType = jobType;
  const retries = str(def, 'retries');
  if (retries !== undefined) {
    const n = Number(retries);
    if (!Number.isInteger(n) || n < 0 || n > 100)
      problems.add('retries-invalid', `${el.id}: retries '${retries}' must be a whole number 0-100`, node);
    else el.retries = n;
  }
  const headers = many(extension(node, 'zeebe:TaskHeaders'), 'values');
  if (headers.length > 0) el.headers = Object.fromEntries(headers.map((h) => [str(h, 'key') ?? '', str(h, 'value') ?? '']));
  const hasMessage = el.kind === 'sendTask' && ref(node, 'messageRef');
  if (!jobType && !hasMessage) {
    problems.add('job-type-missing', `${el.kind} ${el.id} needs a job type (sz:job or zeebe:taskDefinition) so a worker can do it`, node);
  }
}

function readMessageRef(node: ModdleElement, el: Draft, problems: Problems): void {
  const message = ref(node, 'messageRef');
  if (!message) {
    if (el.kind === 'receiveTask') problems.add('message-without-name', `receive task ${el.id} names no message`, node);
    return;
  }
  const t = messageTrigger(node, message, problems);
  if (t.kind === 'message') el.message = { name: t.name, ...(t.correlationKey ? { correlationKey: t.correlationKey } : {}) };
}

function readScript(node: ModdleElement, el: Draft, problems: Problems): void {
  const zeebe = extension(node, 'zeebe:Script');
  const format = (str(node, 'scriptFormat') ?? 'feel').toLowerCase();
  const text = str(zeebe, 'expression') ?? str(node, 'script');
  if (!zeebe && format !== 'feel') {
    problems.add('unsupported-script', `script task ${el.id}: scripts in '${format}' are not run; write the script in FEEL`, node);
    return;
  }
  const script = readFeel(text, `script of ${el.id}`, node, problems);
  if (script !== undefined) el.script = script;
  const result = str(zeebe, 'resultVariable') ?? node.$attrs?.['camunda:resultVariable'];
  if (result) el.resultVariable = result;
}

function readCall(node: ModdleElement, el: Draft, read: Read, problems: Problems): void {
  const zeebe = extension(node, 'zeebe:CalledElement');
  const processId = read(str(zeebe, 'processId') ?? str(node, 'calledElement'), 'called process');
  if (!processId) {
    problems.add('called-element-missing', `call activity ${el.id} names no process to call`, node);
    return;
  }
  const bindingType = str(zeebe, 'bindingType') ?? node.$attrs?.['camunda:calledElementBinding'] ?? 'latest';
  const version = node.$attrs?.['camunda:calledElementVersion'];
  const binding =
    bindingType === 'version' && version !== undefined && Number.isInteger(Number(version))
      ? { version: Number(version) }
      : bindingType === 'deployment' || bindingType === 'versionTag'
        ? bindingType
        : 'latest';
  const versionTag = str(zeebe, 'versionTag');
  el.calledElement = {
    processId,
    binding,
    propagateAllChildVariables: zeebe?.propagateAllChildVariables !== false,
    propagateAllParentVariables: zeebe?.propagateAllParentVariables !== false,
    ...(versionTag ? { versionTag } : {}),
  };
}

function readLoop(node: ModdleElement, loop: ModdleElement, read: Read, problems: Problems): LoopSpec {
  const id = node.id as string;
  const zeebe = extension(loop, 'zeebe:LoopCharacteristics');
  const cardinality = read(str(ref(loop, 'loopCardinality'), 'body')?.trim(), 'loop cardinality');
  const collectionRef = ref(loop, 'loopDataInputRef');
  const collectionText =
    str(zeebe, 'inputCollection') ??
    (collectionRef ? (collectionRef.id ?? str(collectionRef, 'name')) : undefined) ??
    loop.$attrs?.['camunda:collection'];
  const inputCollection = collectionText === undefined ? undefined : readFeel(collectionText, `input collection of ${id}`, node, problems);
  const inputElement = str(zeebe, 'inputElement') ?? str(ref(loop, 'inputDataItem'), 'name') ?? loop.$attrs?.['camunda:elementVariable'];
  const outputCollection = str(zeebe, 'outputCollection');
  const outputElement = read(str(zeebe, 'outputElement'), 'output element');
  const completionCondition = readFeel(str(ref(loop, 'completionCondition'), 'body'), `completion condition of ${id}`, node, problems);
  if (!cardinality && inputCollection === undefined) {
    problems.add('loop-invalid', `multi-instance ${id} needs a loop cardinality or an input collection`, node);
  }
  const voting = readVoting(node, extension(node, 'sz:Voting'), problems);
  return {
    sequential: loop.isSequential === true,
    ...(cardinality ? { cardinality } : {}),
    ...(inputCollection === undefined ? {} : { inputCollection }),
    ...(inputElement ? { inputElement } : {}),
    ...(outputCollection ? { outputCollection } : {}),
    ...(outputElement ? { outputElement } : {}),
    ...(completionCondition === undefined ? {} : { completionCondition }),
    ...(voting ? { voting } : {}),
  };
}

function readStandardLoop(node: ModdleElement, loop: ModdleElement, problems: Problems): StandardLoopSpec | undefined {
  const id = node.id as string;
  const text = str(ref(loop, 'loopCondition'), 'body');
  const condition = readFeel(text, `loop condition of ${id}`, node, problems);
  if (text !== undefined && condition === undefined) return undefined;
  const maximum = loop.loopMaximum as number | undefined;
  if (maximum !== undefined && (!Number.isInteger(maximum) || maximum < 1)) {
    problems.add('loop-invalid', `standard loop of ${id}: loopMaximum ${maximum} is not a whole number of at least 1`, node);
    return undefined;
  }
  if (condition === undefined && maximum === undefined) {
    problems.add('loop-invalid', `standard loop of ${id} needs a loopCondition (FEEL) or a loopMaximum, or it never ends`, node);
    return undefined;
  }
  return {
    testBefore: loop.testBefore === true,
    ...(condition === undefined ? {} : { condition }),
    ...(maximum === undefined ? {} : { maximum }),
  };
}

function readNotice(node: ModdleElement, problems: Problems): NoticeSpec | undefined {
  const n = extension(node, 'sz:Notice');
  if (!n) return undefined;
  const title = readExpr(str(n, 'title'), `notice title of ${node.id}`, node, problems);
  const body = readExpr(str(n, 'body'), `notice body of ${node.id}`, node, problems);
  const days = Number(str(n, 'days') ?? '7');
  if (!title || !Number.isInteger(days) || days < 1 || days > 3650) {
    problems.add('notice-invalid', `notice of ${node.id} needs a title and a posting period of 1-3650 days`, node);
    return undefined;
  }
  const board = str(n, 'board');
  const attachments = readExpr(str(n, 'attachments'), `notice attachments of ${node.id}`, node, problems);
  return { title, days, ...(body ? { body } : {}), ...(board ? { board } : {}), ...(attachments ? { attachments } : {}) };
}
