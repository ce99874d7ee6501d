/**
 * The compiled, immutable model: what `compile` produces from BPMN XML and every
 * other module reads. Expressions are kept as source text (FEEL without the leading '=')
 * or literals, already syntax-checked, so execution never meets a parse error.
 */

/** A value written in the model: a literal, or a FEEL expression evaluated at run time. */
export type Expr = { readonly feel: string } | { readonly literal: string };

export type TimerKind = 'timeDate' | 'timeDuration' | 'timeCycle';

export type EventTrigger =
  | { readonly kind: 'none' }
  | { readonly kind: 'message'; readonly name: Expr; readonly correlationKey?: Expr }
  | { readonly kind: 'timer'; readonly timer: TimerKind; readonly value: Expr }
  | { readonly kind: 'signal'; readonly name: string }
  | { readonly kind: 'conditional'; readonly condition: string; readonly variables?: readonly string[] }
  | { readonly kind: 'error'; readonly code?: string; readonly codeVariable?: string; readonly messageVariable?: string }
  | { readonly kind: 'escalation'; readonly code?: string; readonly codeVariable?: string }
  | { readonly kind: 'link'; readonly name: string }
  | { readonly kind: 'terminate' }
  | { readonly kind: 'compensate'; readonly activityRef?: string; readonly waitForCompletion: boolean }
  | { readonly kind: 'cancel' };

export interface Mapping {
  readonly source: Expr;
  readonly target: string;
}

export interface Assignment {
  readonly assignee?: Expr;
  readonly candidateUsers?: Expr;
  readonly candidateGroups?: Expr;
}

export interface FieldRule {
  readonly field: string;
  readonly access: 'editable' | 'readonly' | 'hidden' | 'required';
}

export interface FormBinding {
  readonly key: string;
  readonly version?: number;
  readonly fields: readonly FieldRule[];
}

/** Countersign voting (会签表决) over a multi-instance user task. */
export interface VotingRule {
  /** Share of eligible voters that must have voted before a decision is valid (e.g. 2/3). */
  readonly quorum: number;
  /** Share of the votes cast needed to pass (strictly more than, e.g. 0.5 means "more than half"). */
  readonly passRatio: number;
  /** Any one rejection decides "rejected" at once. */
  readonly veto: boolean;
  /**
   * Only these rejections decide at once (一票否决 by the party secretary): the members named
   * (a FEEL list over the members' `approver` values), or whoever holds a role (the host says so
   * when they complete: completeUserTask.vetoes).
   */
  readonly vetoBy?: { readonly members?: string; readonly role?: string };
  /** Variable each voter's completion sets: "approve" | "reject" | "abstain". */
  readonly voteVariable: string;
  /** Variable set on the instance with the outcome: "passed" | "rejected" | "noQuorum". */
  readonly resultVariable: string;
  /**
   * How the decision is reached: by the ratios (absent), unanimously (会签, 依次: one rejection
   * rejects at once, all approving passes), or by the first decision (或签).
   */
  readonly rule?: 'unanimous' | 'first';
}

export interface NoticeSpec {
  readonly title: Expr;
  readonly body?: Expr;
  readonly days: number;
  readonly board?: string;
  /** FEEL giving the attachment ids posted with it (a form's attachment fields). */
  readonly attachments?: Expr;
}

export interface LoopSpec {
  readonly sequential: boolean;
  readonly cardinality?: Expr;
  readonly inputCollection?: string;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: Expr;
  readonly completionCondition?: string;
  readonly voting?: VotingRule;
  /** sz:approval over a role (`role:approver`): the host names its holders when the step begins (membersResolved). */
  readonly membersOf?: string;
}

/** Standard loop (bpmn:standardLoopCharacteristics): repeat while the condition holds. */
export interface StandardLoopSpec {
  readonly condition?: string;
  readonly testBefore: boolean;
  readonly maximum?: number;
}

export type ElementKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'task'
  | 'userTask'
  | 'manualTask'
  | 'serviceTask'
  | 'sendTask'
  | 'receiveTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'transaction'
  | 'callActivity';

export const ACTIVITY_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>([
  'task',
  'userTask',
  'manualTask',
  'serviceTask',
  'sendTask',
  'receiveTask',
  'scriptTask',
  'businessRuleTask',
  'subProcess',
  'transaction',
  'callActivity',
]);

export interface ElementModel {
  readonly id: string;
  readonly kind: ElementKind;
  readonly name?: string;
  /** The id of the enclosing scope: the process id or a sub-process id. */
  readonly scope: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly defaultFlow?: string;
  readonly trigger?: EventTrigger;
  /** Boundary events: the activity they are attached to and whether they cancel it. */
  readonly attachedTo?: string;
  readonly interrupting?: boolean;
  /** Activities: boundary events attached, in document order. */
  readonly boundaries?: readonly string[];
  readonly inputs?: readonly Mapping[];
  readonly outputs?: readonly Mapping[];
  readonly loop?: LoopSpec;
  readonly standardLoop?: StandardLoopSpec;
  readonly isForCompensation?: boolean;
  /** Activity with a compensation boundary: the handler activity id. */
  readonly compensationHandler?: string;
  // user tasks
  readonly assignment?: Assignment;
  readonly form?: FormBinding;
  readonly dueDate?: Expr;
  readonly followUpDate?: Expr;
  readonly priority?: Expr;
  // jobs (service, send, business-rule tasks)
  readonly jobType?: Expr;
  readonly retries?: number;
  readonly headers?: Readonly<Record<string, string>>;
  // script tasks
  readonly script?: string;
  readonly resultVariable?: string;
  // receive tasks and message throws
  readonly message?: { readonly name: Expr; readonly correlationKey?: Expr };
  readonly notice?: NoticeSpec;
  // call activities
  readonly calledElement?: {
    readonly processId: Expr;
    readonly binding: 'latest' | 'deployment' | 'versionTag' | { readonly version: number };
    readonly versionTag?: string;
    readonly propagateAllChildVariables: boolean;
    readonly propagateAllParentVariables: boolean;
  };
  /** Event sub-processes: started by their start event's trigger, not by a flow. */
  readonly triggeredByEvent?: boolean;
}

/** A process or a sub-process: what runs inside it. */
export interface ScopeModel {
  readonly id: string;
  readonly children: readonly string[];
  /** What runs when the scope is entered: its none start event, or, without one, every element without incoming flows. */
  readonly entries: readonly string[];
  /** The start events of its event sub-processes, in document order. */
  readonly eventStarts: readonly string[];
}

export interface FlowModel {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly condition?: string;
}

export interface ProcessModel {
  readonly id: string;
  readonly name?: string;
  readonly timeZone: string;
  readonly versionTag?: string;
  /** The process itself and every sub-process, by id. */
  readonly scopes: Readonly<Record<string, ScopeModel>>;
  /** Start events directly in the process, for message/timer/signal starts. */
  readonly starts: readonly string[];
  readonly elements: Readonly<Record<string, ElementModel>>;
  readonly flows: Readonly<Record<string, FlowModel>>;
  /** Link throw event id -> the link catch event of the same name in its scope. */
  readonly linkTargets: Readonly<Record<string, string>>;
  /** For inclusive joins: the elements in the same scope from which a token can still reach it. */
  readonly upstream: Readonly<Record<string, readonly string[]>>;
}

export interface Model {
  readonly processes: Readonly<Record<string, ProcessModel>>;
  /** The executable process started by default (the first executable one). */
  readonly main: string;
}
