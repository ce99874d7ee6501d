import type { Limits } from './limits.ts';
import type { InstanceStatus, ParentRef, Vars } from './state/types.ts';
import type { WorkCalendar } from './timers/index.ts';

/** What may be asked of a running instance. Each is accepted (events happen) or rejected (an error value). */
export type Command =
  | {
      type: 'completeUserTask';
      key: string;
      variables?: Vars;
      actor?: string;
      /** The one completing holds the vote's veto role (VotingRule.vetoBy.role): their rejection decides. */
      vetoes?: boolean;
    }
  | { type: 'fireTimer'; sub: string }
  | { type: 'correlateMessage'; name: string; correlationKey?: string; variables?: Vars }
  | { type: 'broadcastSignal'; name: string; variables?: Vars }
  | { type: 'completeJob'; key: string; variables?: Vars }
  | {
      type: 'failJob';
      key: string;
      retries: number;
      message: string;
      /** A BPMN error code: thrown at the job's element, caught by an error boundary or event sub-process. */
      errorCode?: string;
      variables?: Vars;
    }
  | { type: 'setVariables'; variables: Vars; key?: string }
  | { type: 'cancel'; reason?: string }
  /** 撤回: whoever started the instance takes it back; the host decides whether they still may. */
  | { type: 'withdraw'; reason?: string }
  | { type: 'resolveIncident'; incident: string }
  | {
      type: 'calledInstanceEnded';
      key: string;
      status: Exclude<InstanceStatus, 'active'>;
      variables?: Vars;
      error?: { code: string; message: string };
      /** Why the host could not start or run it, for the incident on the call activity. */
      why?: string;
    }
  | { type: 'migrate'; mapping: Readonly<Record<string, string>> }
  /** The holders of an approval's role (ResolveMembers), each of whom gets a task; none raises an incident. */
  | { type: 'membersResolved'; key: string; members: string[] }
  | {
      /**
       * 退回: the open user task goes back to an earlier user step, which runs again from there;
       * what the earlier step leads to is withdrawn (behaviors/returns.ts). Variables stay.
       */
      type: 'returnTask';
      key: string;
      /** The user task element to go back to. */
      to: string;
      /** Who gets the step back (its last assignee); without one, the model's assignment decides. */
      assignee?: string;
      reason?: string;
    }
  | {
      /** Claim, unclaim, assign, delegate and transfer (转交): who holds an open user task. */
      type: 'updateUserTask';
      key: string;
      /** A user id, or null to give the task back to its candidates. */
      assignee?: string | null;
      candidateUsers?: string[];
      candidateGroups?: string[];
      /** Delegation: who the task returns to once the delegate has done their part. */
      owner?: string | null;
    }
  | {
      /**
       * 加签: more people sign an open (main) task at its step. parallel (并加签): each gets a task
       * now, beside the holder's; after (后加签): each in turn once the holder has completed. The
       * step leaves only when the holder and every signer have completed (behaviors/signers.ts).
       * 前加签 is a delegation (updateUserTask with an owner), not this command.
       */
      type: 'addSigners';
      key: string;
      signers: string[];
      mode: 'parallel' | 'after';
    }
  | {
      /** The host could not carry out work for the instance (a message, a signal, a called instance). */
      type: 'raiseIncident';
      key?: string;
      message: string;
    };

export type CommandType = Command['type'];

export interface StartInput {
  /** Defaults to the model's main process. */
  processId?: string;
  /** A message, timer or signal start event; defaults to the none start event. */
  startEvent?: string;
  variables?: Vars;
  businessKey?: string;
  /** Set when a call activity starts this instance: StartCalledInstance's instance, key and depth. */
  parent?: ParentRef;
}

/** Everything from outside the engine: the clock, ids and the acting user. */
export interface Ctx {
  readonly now: number;
  readonly newId: () => string;
  readonly actor?: string;
  /** The host's bounds on one command's work; each defaults to DEFAULT_LIMITS. */
  readonly limits?: Partial<Limits>;
  /**
   * The working days of the instance's unit, for due dates and timers in working days (P3WD),
   * read when each is set: a later change of calendar moves none already set. Without one,
   * working days are Monday to Friday.
   */
  readonly calendar?: WorkCalendar;
}
