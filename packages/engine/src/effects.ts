import type { FormBinding } from './model/types.ts';
import type { Incident, InstanceStatus, UserTaskState, Vars } from './state/types.ts';

/**
 * What the shell must carry out after a transition: nothing here has happened yet.
 * Every effect names the instance, so a host can route it without reading state.
 */
export type Effect =
  | ({
      type: 'OpenUserTask';
      instance: string;
      key: string;
      el: string;
      name?: string;
      form?: FormBinding;
      /** Opened again by a return (退回): the host tells its holder so. */
      returned?: boolean;
    } & UserTaskState)
  | ({ type: 'UpdateUserTask'; instance: string; key: string } & UserTaskState)
  /** `decided`: others decided the step (或签, a vote decided early) before this holder did. */
  | { type: 'CloseUserTask'; instance: string; key: string; reason: 'completed' | 'terminated' | 'decided' }
  | { type: 'ScheduleTimer'; instance: string; sub: string; el: string; dueAt: number }
  | { type: 'CancelTimer'; instance: string; sub: string }
  | { type: 'Subscribe'; instance: string; sub: string; kind: 'message' | 'signal'; name: string; correlationKey?: string }
  | { type: 'Unsubscribe'; instance: string; sub: string }
  | {
      type: 'RunJob';
      instance: string;
      key: string;
      el: string;
      jobType: string;
      retries: number;
      headers?: Record<string, string>;
      variables: Vars;
    }
  | { type: 'RetryJob'; instance: string; key: string; retries: number }
  | { type: 'CancelJob'; instance: string; key: string }
  | { type: 'PublishMessage'; instance: string; name: string; correlationKey?: string; variables: Vars }
  /** To every other instance that waits for it, and the processes it starts: the throwing instance has caught it already. */
  | { type: 'BroadcastSignal'; instance: string; name: string; variables: Vars }
  | {
      type: 'PostNotice';
      instance: string;
      key: string;
      el: string;
      title: string;
      body?: string;
      days: number;
      board?: string;
      /** Attachment ids shown with it on the public board. */
      attachments?: string[];
    }
  | {
      type: 'StartCalledInstance';
      instance: string;
      child: string;
      key: string;
      processId: string;
      binding: 'latest' | 'deployment' | 'versionTag' | { version: number };
      versionTag?: string;
      variables: Vars;
      /** The child's call depth and the top of its call chain: hand them back in StartInput.parent. */
      depth: number;
      root: string;
    }
  | { type: 'CancelCalledInstance'; instance: string; child: string }
  /** An approval over a role begins: name its holders at the instance's unit (membersResolved). */
  | { type: 'ResolveMembers'; instance: string; key: string; el: string; role: string }
  | { type: 'IncidentRaised'; instance: string; incident: string; el: string; code: string; message: string }
  /** Host incidents: the host retries its own work once resolved. */
  | { type: 'IncidentResolved'; instance: string; incident: string; retry: Incident['retry'] }
  | {
      type: 'InstanceEnded';
      instance: string;
      status: Exclude<InstanceStatus, 'active'>;
      parent?: { instance: string; key: string };
      variables: Vars;
      error?: { code: string; message: string };
    };

export type EffectType = Effect['type'];
