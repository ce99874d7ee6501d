import type { TimerPlan } from '../timers/index.ts';

/**
 * An instance's state: plain JSON, small, versioned. Zeebe-style element instances
 * (one per active token or scope, keyed by a per-instance counter) plus the
 * subscriptions they wait on. The process itself is the root element instance.
 */
export const STATE_VERSION = 1;

export type Vars = Record<string, unknown>;

/** How an instance stands: running, or how it ended (withdrawn: 撤回 by whoever started it, before anyone acted). */
export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'cancelled' | 'withdrawn';

export interface InstanceState {
  v: typeof STATE_VERSION;
  id: string;
  processId: string;
  businessKey?: string;
  status: InstanceStatus;
  /** The next element-instance / subscription key: keys are this instance's own counter. */
  next: number;
  /** The root element instance's key (the process scope). */
  root: string;
  els: Record<string, ElementInstance>;
  subs?: Record<string, Subscription>;
  /** Tokens arrived at joining gateways: `${scopeKey}/${gatewayId}` -> flow id -> count. */
  joins?: Record<string, Record<string, number>>;
  incidents?: Record<string, Incident>;
  /** Completed activities that have a compensation handler, newest last. */
  comp?: CompensationRecord[];
  /** Set when this instance was started by a call activity. */
  parent?: ParentRef;
}

/** The call activity that started an instance, and how deep the call chain is (its caller's depth + 1). */
export interface ParentRef {
  instance: string;
  key: string;
  /** Absent in states written before depths were kept: read as 1. */
  depth?: number;
  /** The instance at the top of the call chain, which the host counts the chain's instances by; absent before: the caller. */
  root?: string;
}

export interface UserTaskState {
  assignee?: string;
  /** Set while the task is delegated: the assignee it returns to. */
  owner?: string;
  candidateUsers?: string[];
  candidateGroups?: string[];
  dueAt?: number;
  followUpAt?: number;
  priority?: number;
}

export interface MultiInstanceState {
  total: number;
  completed: number;
  active: number;
  /** The collection read when the body was entered (sequential needs it later). */
  items?: unknown[];
  /** Output collection, indexed by loop counter - 1. */
  out?: unknown[];
  votes?: { approve: number; reject: number; abstain: number };
  /** A rejection that holds a veto was cast: the vote is rejected. */
  vetoed?: boolean;
}

export interface ElementInstance {
  k: string;
  /** Element id (or process id for the root). */
  e: string;
  /** Parent element instance key; absent on the root. */
  p?: string;
  vars?: Vars;
  task?: UserTaskState;
  mi?: MultiInstanceState;
  /** Standard loop: the iterations done. */
  loops?: number;
  /** Jobs: retries left. */
  retries?: number;
  /** Call activities: the called instance id. */
  called?: string;
  /** An open incident on this element instance. */
  incident?: string;
  /** Compensation handlers: the key of the compensation throw event that waits for them. */
  for?: string;
  /** 加签: a task of the same step opened for an added signer; the key of the step's own (main) task. */
  signsFor?: string;
  /** 加签: a main task's signers still to come and its held completion (behaviors/signers.ts). */
  signing?: SigningState;
}

/**
 * The signers of a main task. Parallel signers are element instances signing for it (signsFor);
 * those added after (后加签) wait here in turn until the holder has completed.
 */
export interface SigningState {
  /** 后加签: who takes the task next, in turn, once the holder has completed. */
  after?: string[];
  /** The holder completed while signers were left: what they submitted, handed on when the step leaves. */
  held?: { vars?: Vars };
}

export type Subscription =
  | TimerSubscription
  | { kind: 'message'; id: string; owner: string; el: string; name: string; key?: string }
  | { kind: 'signal'; id: string; owner: string; el: string; name: string }
  | { kind: 'conditional'; id: string; owner: string; el: string; last: boolean };

export interface TimerSubscription {
  kind: 'timer';
  id: string;
  /** The element instance that waits (catch event, activity for a boundary, scope for an event sub-process). */
  owner: string;
  /** The catching event element. */
  el: string;
  dueAt: number;
  plan: TimerPlan;
  fired: number;
}

export interface Incident {
  id: string;
  key: string;
  el: string;
  code: string;
  message: string;
  /** What is retried when the incident is resolved: the step, the job, the host's work, or the parked work. */
  retry: 'activate' | 'complete' | 'job' | 'host' | 'parked';
  /** SZ_LOOP_LIMIT: the work the activation budget cut off, in order; resolving the incident goes on with it. */
  parked?: Work[];
}

export interface CompensationRecord {
  /** The completed activity. */
  el: string;
  /** The scope element instance it completed in. */
  scope: string;
  /** Its local variables at completion, visible to the handler. */
  vars?: Vars;
  /** Set when it completed inside a sub-process that has since completed too. */
  via?: string;
}

/**
 * Work still to do in a transition, processed in order until none is left. Plain JSON, since
 * work cut off by the activation budget waits in the state, on its SZ_LOOP_LIMIT incident.
 */
export type Work =
  | {
      op: 'activate';
      el: string;
      parent: string;
      /** Local variables the new element instance starts with (multi-instance item, loop counter). */
      vars?: Vars;
      /** Variables an event brought (message payload): written to the enclosing scopes on completion. */
      payload?: Vars;
      /** Scopes entered by an event: start here instead of the none start. */
      start?: string;
      /** Catch events reached through an event-based gateway: already triggered. */
      triggered?: boolean;
      /** Compensation handlers: the throw event waiting for them. */
      compensating?: string;
      /** A user task sent back to (退回): who gets it, instead of the model's assignment. */
      assignee?: string;
      returned?: boolean;
    }
  | {
      op: 'run';
      key: string;
      /** An activation whose run was put off (by the activation budget): what it brought. */
      from?: Activate;
    }
  | {
      op: 'complete';
      key: string;
      /** Variables the completion brought (task form data, job result). */
      vars?: Vars;
      /** Gateways: the flows they chose; otherwise all outgoing flows whose condition holds. */
      flows?: readonly string[];
      /** A voter who holds the veto role (completeUserTask.vetoes). */
      vetoes?: boolean;
    }
  | { op: 'scopeCheck'; key: string };

export type Activate = Extract<Work, { op: 'activate' }>;
