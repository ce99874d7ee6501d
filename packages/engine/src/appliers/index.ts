import type { EngineEvent, EngineEventType, EventOf } from '../events.ts';
import type { InstanceState } from '../state/types.ts';
import { compensationRecorded, compensationStarted } from './compensation.ts';
import {
  elementActivated,
  elementCompleted,
  elementTerminated,
  instanceMigrated,
  jobFailed,
  multiInstanceProgressed,
  multiInstanceStarted,
  userTaskUpdated,
} from './elements.ts';
import { flowTaken, joinFired } from './flows.ts';
import { incidentRaised, incidentResolved } from './incidents.ts';
import { instanceCreated, instanceEnded } from './instance.ts';
import { signerCalled, signersAdded, signersAwaited } from './signers.ts';
import { conditionEvaluated, subscriptionClosed, subscriptionOpened, subscriptionTriggered } from './subscriptions.ts';
import { variablesSet } from './variables.ts';

type Applier<T extends EngineEventType> = (state: InstanceState, event: EventOf<T>) => void;

/**
 * The only writers of instance state, keyed by event type and then by event version,
 * so that logs written by older engines keep replaying when an event's shape changes.
 */
const APPLIERS: { [T in EngineEventType]: Readonly<Record<number, Applier<T>>> } = {
  InstanceCreated: { 1: instanceCreated },
  InstanceEnded: { 1: instanceEnded },
  ElementActivated: { 1: elementActivated },
  ElementCompleted: { 1: elementCompleted },
  ElementTerminated: { 1: elementTerminated },
  InstanceMigrated: { 1: instanceMigrated },
  FlowTaken: { 1: flowTaken },
  JoinFired: { 1: joinFired },
  VariablesSet: { 1: variablesSet },
  UserTaskUpdated: { 1: userTaskUpdated },
  SubscriptionOpened: { 1: subscriptionOpened },
  SubscriptionTriggered: { 1: subscriptionTriggered },
  SubscriptionClosed: { 1: subscriptionClosed },
  MultiInstanceStarted: { 1: multiInstanceStarted },
  MultiInstanceProgressed: { 1: multiInstanceProgressed },
  ConditionEvaluated: { 1: conditionEvaluated },
  JobFailed: { 1: jobFailed },
  IncidentRaised: { 1: incidentRaised },
  IncidentResolved: { 1: incidentResolved },
  CompensationRecorded: { 1: compensationRecorded },
  CompensationStarted: { 1: compensationStarted },
  // Terminations and the new activation around it change the state; it records who sent what back.
  TaskReturned: { 1: () => {} },
  SignersAdded: { 1: signersAdded },
  SignersAwaited: { 1: signersAwaited },
  SignerCalled: { 1: signerCalled },
};

export const EVENT_VERSION = 1;

export function applyEvent(state: InstanceState, event: EngineEvent, version = EVENT_VERSION): void {
  const applier = APPLIERS[event.type][version] as Applier<typeof event.type> | undefined;
  if (!applier) throw new Error(`no applier for ${event.type} v${version}`);
  applier(state, event);
}
