import type { ModdleElement } from 'bpmn-moddle';
import type { EventTrigger, TimerKind } from '../model/types.ts';
import { parseTimer } from '../timers/index.ts';
import { readExpr, readFeel } from './expressions.ts';
import { extension, ref, str } from './extensions.ts';
import type { Problems } from './problems.ts';

const TIMER_KINDS: readonly TimerKind[] = ['timeDate', 'timeDuration', 'timeCycle'];

/** The event definition of an event element, as a trigger; problems name the event. */
export function readTrigger(node: ModdleElement, timeZone: string, problems: Problems): EventTrigger {
  const defs = (node.eventDefinitions as ModdleElement[] | undefined) ?? [];
  if (defs.length === 0) return { kind: 'none' };
  if (defs.length > 1) {
    problems.add(
      'multiple-event-definitions',
      `${node.$type} ${node.id} has ${defs.length} event definitions; only one is supported`,
      node,
    );
    return { kind: 'none' };
  }
  const def = defs[0] as ModdleElement;
  switch (def.$type) {
    case 'bpmn:MessageEventDefinition':
      return messageTrigger(node, ref(def, 'messageRef'), problems);
    case 'bpmn:TimerEventDefinition':
      return timerTrigger(node, def, timeZone, problems);
    case 'bpmn:SignalEventDefinition': {
      const signal = ref(def, 'signalRef');
      const name = str(signal, 'name') ?? signal?.id;
      if (!name) problems.add('signal-without-name', `${node.$type} ${node.id} names no signal`, node);
      return { kind: 'signal', name: name ?? '' };
    }
    case 'bpmn:ConditionalEventDefinition': {
      const condition = readFeel(str(ref(def, 'condition'), 'body'), `condition of ${node.id}`, node, problems);
      if (condition === undefined) problems.add('condition-missing', `conditional event ${node.id} has no usable condition`, node);
      return { kind: 'conditional', condition: condition ?? 'false' };
    }
    case 'bpmn:ErrorEventDefinition': {
      const error = ref(def, 'errorRef');
      const code = str(error, 'errorCode');
      const codeVariable = str(def, 'errorCodeVariable') ?? def.$attrs?.['camunda:errorCodeVariable'];
      const messageVariable = str(def, 'errorMessageVariable') ?? def.$attrs?.['camunda:errorMessageVariable'];
      return {
        kind: 'error',
        ...(code === undefined ? {} : { code }),
        ...(codeVariable === undefined ? {} : { codeVariable }),
        ...(messageVariable === undefined ? {} : { messageVariable }),
      };
    }
    case 'bpmn:EscalationEventDefinition': {
      const code = str(ref(def, 'escalationRef'), 'escalationCode');
      return { kind: 'escalation', ...(code === undefined ? {} : { code }) };
    }
    case 'bpmn:LinkEventDefinition':
      return { kind: 'link', name: str(def, 'name') ?? '' };
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    case 'bpmn:CompensateEventDefinition': {
      const activityRef = ref(def, 'activityRef')?.id;
      const wait = def.waitForCompletion;
      return { kind: 'compensate', waitForCompletion: wait !== false, ...(activityRef ? { activityRef } : {}) };
    }
    case 'bpmn:CancelEventDefinition':
      return { kind: 'cancel' };
    default:
      problems.add('unsupported-event-definition', `${node.$type} ${node.id}: ${def.$type} is not supported`, node);
      return { kind: 'none' };
  }
}

export function messageTrigger(node: ModdleElement, message: ModdleElement | undefined, problems: Problems): EventTrigger {
  const rawName = str(message, 'name');
  if (!message || !rawName) {
    problems.add('message-without-name', `${node.$type} ${node.id} names no message (messageRef with a name)`, node);
    return { kind: 'message', name: { literal: '' } };
  }
  const name = readExpr(rawName, `message name of ${node.id}`, node, problems) ?? { literal: rawName };
  const key = str(extension(message, 'zeebe:Subscription'), 'correlationKey');
  const correlationKey = readExpr(key, `correlation key of ${node.id}`, node, problems);
  return { kind: 'message', name, ...(correlationKey ? { correlationKey } : {}) };
}

function timerTrigger(node: ModdleElement, def: ModdleElement, timeZone: string, problems: Problems): EventTrigger {
  const present = TIMER_KINDS.filter((k) => ref(def, k));
  const timer = present[0];
  if (timer === undefined || present.length > 1) {
    problems.add('timer-invalid', `timer ${node.id} needs exactly one of timeDate, timeDuration or timeCycle`, node);
    return { kind: 'timer', timer: 'timeDuration', value: { literal: 'PT0S' } };
  }
  const body = str(ref(def, timer), 'body')?.trim() ?? '';
  const value = readExpr(body, `${timer} of ${node.id}`, node, problems) ?? { literal: body };
  if ('literal' in value) {
    const parsed = parseTimer(timer, value.literal, timeZone);
    if (!parsed.ok) problems.add('timer-invalid', `timer ${node.id}: ${parsed.message}`, node);
  }
  return { kind: 'timer', timer, value };
}
