import type { ProcessorTable } from '../processing/processing.ts';
import { boundaryEvent, endEvent, intermediateCatchEvent, intermediateThrowEvent, startEvent } from './events.ts';
import { eventBasedGateway, exclusiveGateway, inclusiveGateway, parallelGateway } from './gateways.ts';
import { passThrough } from './processor.ts';
import { callActivity, jobTask, loopBody, receiveTask, scriptTask, subProcess } from './tasks.ts';
import { userTask } from './userTask.ts';

/** Every element kind's processor: what `start` and `step` hand to each transition. */
export const PROCESSORS: ProcessorTable = {
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
  loopBody,
};
