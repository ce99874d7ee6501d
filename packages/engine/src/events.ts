import type { CompensationRecord, ElementInstance, Incident, InstanceStatus, ParentRef, Subscription, Vars } from './state/types.ts';

/**
 * What happened, as data. Appliers fold these into state, so each event carries
 * everything its applier needs (keys, evaluated values, due times): replaying an
 * instance's events rebuilds its state without evaluating anything again.
 */
export type EngineEvent =
  | {
      type: 'InstanceCreated';
      id: string;
      processId: string;
      root: string;
      businessKey?: string;
      parent?: ParentRef;
      vars: Vars;
    }
  | { type: 'ElementActivated'; el: ElementInstance }
  | { type: 'ElementCompleted'; key: string }
  | { type: 'ElementTerminated'; key: string }
  | { type: 'FlowTaken'; flow: string; scope: string; join?: string }
  | { type: 'JoinFired'; scope: string; gateway: string; consumed: Record<string, number> }
  | { type: 'VariablesSet'; key: string; vars: Vars }
  | { type: 'UserTaskUpdated'; key: string; task: NonNullable<ElementInstance['task']> }
  | { type: 'SubscriptionOpened'; sub: Subscription }
  | { type: 'SubscriptionTriggered'; id: string; keep: boolean; nextDueAt?: number; variables?: Vars }
  | { type: 'SubscriptionClosed'; id: string }
  | { type: 'MultiInstanceStarted'; key: string; total: number; items?: unknown[] }
  | { type: 'ConditionEvaluated'; id: string; value: boolean }
  | {
      type: 'MultiInstanceProgressed';
      key: string;
      index?: number;
      output?: unknown;
      vote?: 'approve' | 'reject' | 'abstain';
      /** The rejection held a veto. */
      veto?: boolean;
    }
  | { type: 'JobFailed'; key: string; retries: number; message: string }
  | { type: 'IncidentRaised'; incident: Incident }
  | { type: 'IncidentResolved'; id: string }
  | { type: 'CompensationRecorded'; record: CompensationRecord }
  | { type: 'CompensationStarted'; records: CompensationRecord[] }
  | { type: 'InstanceMigrated'; processId: string; els: Record<string, string>; subs: Record<string, string> }
  | { type: 'InstanceEnded'; status: Exclude<InstanceStatus, 'active'>; reason?: string }
  /** A task was sent back (退回): the audit trail's record of it; the state changes by the events around it. */
  | { type: 'TaskReturned'; key: string; to: string; reason?: string }
  /**
   * 加签 on a main task: after-signers join its queue; parallel signers' tasks are the
   * ElementActivated and UserTaskUpdated events that follow (signsFor set).
   */
  | { type: 'SignersAdded'; key: string; mode: 'parallel' | 'after'; signers: string[] }
  /** The holder of a main task completed while signers were left: the completion (its variables) is held. */
  | { type: 'SignersAwaited'; key: string; vars?: Vars }
  /** The next after-signer leaves the main task's queue; their task is the activation that follows. */
  | { type: 'SignerCalled'; key: string; signer: string };

export type EngineEventType = EngineEvent['type'];
export type EventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;
