/**
 * The engine's error codes: rejected commands, compile failures and incident causes.
 * Every code is listed in docs/errors.md (a test checks it).
 */
export const ENGINE_ERRORS = {
  SZ_BPMN_INVALID: 'The BPMN model has problems; each names the element, its type and the rule broken.',
  SZ_PROCESS_NOT_FOUND: 'No executable process with this id in the model.',
  SZ_START_EVENT_NOT_FOUND: 'The start event named in the command does not exist or cannot start the process.',
  SZ_INSTANCE_NOT_ACTIVE: 'The instance has ended; it takes no more commands.',
  SZ_STATE_VERSION: 'The stored state has a schema version this engine cannot read.',
  SZ_TASK_NOT_FOUND: 'No open user task with this key in the instance.',
  SZ_JOB_NOT_FOUND: 'No job with this key is waiting in the instance.',
  SZ_SUBSCRIPTION_NOT_FOUND: 'No timer, message or signal subscription matches the command.',
  SZ_INCIDENT_NOT_FOUND: 'No open incident with this id.',
  SZ_ELEMENT_NOT_FOUND: 'The element instance named in the command does not exist.',
  SZ_RETURN_INVALID: 'The task cannot go back to that step: it is no earlier user step the task is reached from.',
  SZ_SIGNERS_INVALID:
    'The signers cannot be added: none named, one named twice, one who already signs or holds the task, or not the step’s main task.',
  SZ_MIGRATION_INVALID: 'The migration mapping leaves an active element without a counterpart in the target model.',
  SZ_VARIABLES_INVALID: 'Variables must be a JSON object with string keys.',
  SZ_EXPRESSION_FAILED: 'Incident: a FEEL expression failed or gave a value of the wrong type.',
  SZ_NO_FLOW_SELECTED: 'Incident: no outgoing condition of a gateway held and there is no default flow.',
  SZ_UNHANDLED_ERROR: 'Incident: a BPMN error was thrown and nothing catches it.',
  SZ_JOB_FAILED: 'Incident: a job failed and has no retries left.',
  SZ_TIMER_INVALID: 'Incident: a timer expression evaluated to something that is not a date, duration, cycle or cron.',
  SZ_LOOP_INVALID: 'Incident: a multi-instance cardinality or collection is not a non-negative number or a list.',
  SZ_CALL_FAILED: 'Incident: the called process could not be started.',
  SZ_CALL_DEPTH: 'Incident: call activities nest deeper than the limit (32 by default): processes that call each other without end.',
  SZ_LOOP_LIMIT:
    'Incident: one command activated more elements than the limit (10,000 by default) without reaching a wait state; the work left waits here until the incident is resolved.',
  SZ_HOST_WORK_FAILED:
    'Incident: work the host carries out for the instance (a message, a signal, a called instance) failed with no retries left.',
} as const;

export type EngineErrorCode = keyof typeof ENGINE_ERRORS;

export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
  readonly elementId?: string;
  readonly details?: unknown;
}

export function engineError(code: EngineErrorCode, message: string, elementId?: string): EngineError {
  return elementId === undefined ? { code, message } : { code, message, elementId };
}
