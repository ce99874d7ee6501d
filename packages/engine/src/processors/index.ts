import type { ElementKind } from '../model/types.ts';
import { boundaryEvent, endEvent, intermediateCatchEvent, intermediateThrowEvent, startEvent } from './events.ts';
import { eventBasedGateway, exclusiveGateway, inclusiveGateway, parallelGateway } from './gateways.ts';
import { type ElementProcessor, passThrough } from './processor.ts';
import { callActivity, jobTask, multiInstanceBody, receiveTask, scriptTask, subProcess } from './tasks.ts';
import { userTask } from './userTask.ts';

const PROCESSORS: Record<ElementKind | 'multiInstanceBody', ElementProcessor> = {
  startEvent,
  endEvent,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent,
  task: passThrough,
  manualTask: passThrough,
  userTask,
  serviceTask: jobTask,
  businessRuleTask: jobTask,
  sendTask: jobTask,
  receiveTask,
  scriptTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  subProcess,
  transaction: subProcess,
  callActivity,
  multiInstanceBody,
};

export function processorFor(kind: ElementKind | 'multiInstanceBody'): ElementProcessor {
  return PROCESSORS[kind];
}
