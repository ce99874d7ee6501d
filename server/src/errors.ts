import { ENGINE_ERRORS, type EngineError, type EngineErrorCode } from '@shanzhi/engine';

/**
 * The server's error catalogue: every error the API answers is `{ code, message, details? }`
 * with one of these codes and its HTTP status. Codes are stable (clients and translations key on
 * them); every one is listed in docs/errors.md, and a test fails when one is missing there.
 */
export const SERVER_ERRORS = {
  SZ_VALIDATION: { status: 400, message: 'The request does not match its schema; details name each field.' },
  SZ_FORM_INVALID: { status: 400, message: 'The form data is refused; details.errors name each field by its title.' },
  SZ_FORM_DEFINITION_INVALID: {
    status: 400,
    message: 'A form definition is refused; details.problems name the form and the place in it.',
  },
  SZ_UNAUTHENTICATED: { status: 401, message: 'No valid access token was sent.' },
  SZ_TOKEN_EXPIRED: { status: 401, message: 'The access or refresh token has expired or was revoked.' },
  SZ_LOGIN_FAILED: { status: 401, message: 'Wrong username or password, or the account is disabled.' },
  SZ_FORBIDDEN: { status: 403, message: 'Your roles at this unit do not allow this.' },
  SZ_NOT_CANDIDATE: { status: 403, message: 'The task is neither assigned to you nor offered to one of your groups.' },
  SZ_NOT_FOUND: { status: 404, message: 'No such record within your units.' },
  SZ_ROUTE_NOT_FOUND: { status: 404, message: 'No such route.' },
  SZ_UNIT_NOT_FOUND: { status: 404, message: 'No such organisation unit within your units.' },
  SZ_FORM_NOT_FOUND: { status: 404, message: 'No such form within your units, or the step shows none.' },
  SZ_DEFINITION_NOT_FOUND: { status: 404, message: 'No process definition with this key at the unit or above it.' },
  SZ_MESSAGE_NOT_CORRELATED: { status: 404, message: 'No instance waits for the message and no process starts with it.' },
  SZ_INSTANCE_CONFLICT: { status: 409, message: 'The instance was changed by someone else at the same time; read it again and retry.' },
  SZ_TASK_CONFLICT: { status: 409, message: 'The task was changed by someone else at the same time; read it again and retry.' },
  SZ_TASK_NOT_OPEN: { status: 409, message: 'The task is already completed or cancelled.' },
  SZ_TASK_CLAIMED: { status: 409, message: 'The task is assigned to someone else.' },
  SZ_TASK_DELEGATED: {
    status: 409,
    message: 'The task is delegated: the delegate resolves it back to its owner, who completes it.',
  },
  SZ_TASK_NOT_DELEGATED: { status: 409, message: 'The task is not delegated, so there is no owner to give it back to.' },
  SZ_ASSIGNEE_INVALID: { status: 400, message: 'The user does not exist or holds no role that reaches the task unit.' },
  SZ_USERNAME_TAKEN: { status: 409, message: 'The username is already taken.' },
  SZ_JOB_LOCK_LOST: { status: 409, message: 'The job is not locked by this worker (the lock expired or another worker holds it).' },
  SZ_DELIVERY_PENDING: { status: 409, message: 'The delivery is still being tried; only a dead letter can be replayed.' },
  SZ_PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  SZ_FILE_TOO_LARGE: { status: 413, message: 'The attachment is larger than 10 MB.' },
  SZ_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request content type is not accepted here.' },
  SZ_FILE_TYPE_REJECTED: {
    status: 415,
    message: 'The attachment is not an image, PDF, office document or text file, or its content does not match its type.',
  },
  SZ_RATE_LIMITED: { status: 429, message: 'Too many attempts; wait before trying again.' },
  SZ_INTERNAL: { status: 500, message: 'Something went wrong on the server; the request id in the logs tells what.' },
  SZ_NOT_READY: { status: 503, message: 'The store is not reachable or its migrations have not run.' },
  SZ_SHUTTING_DOWN: { status: 503, message: 'The server is shutting down; retry on another one.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;
export type ErrorCode = ServerErrorCode | EngineErrorCode;

/** HTTP status of an engine rejection answered through the API. */
const ENGINE_STATUS: Partial<Record<EngineErrorCode, number>> = {
  SZ_BPMN_INVALID: 400,
  SZ_PROCESS_NOT_FOUND: 400,
  SZ_START_EVENT_NOT_FOUND: 400,
  SZ_VARIABLES_INVALID: 400,
  SZ_MIGRATION_INVALID: 400,
  SZ_INSTANCE_NOT_ACTIVE: 409,
  SZ_TASK_NOT_FOUND: 409,
  SZ_JOB_NOT_FOUND: 409,
  SZ_SUBSCRIPTION_NOT_FOUND: 409,
  SZ_INCIDENT_NOT_FOUND: 404,
  SZ_ELEMENT_NOT_FOUND: 404,
};

function statusOf(code: ErrorCode): number {
  if (code in SERVER_ERRORS) return SERVER_ERRORS[code as ServerErrorCode].status;
  return ENGINE_STATUS[code as EngineErrorCode] ?? 500;
}

function defaultMessage(code: ErrorCode): string {
  if (code in SERVER_ERRORS) return SERVER_ERRORS[code as ServerErrorCode].message;
  return ENGINE_ERRORS[code as EngineErrorCode] ?? code;
}

/** An error the API answers as `{ code, message, details? }` with the code's status. */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? defaultMessage(code));
    this.name = 'ApiError';
    this.statusCode = statusOf(code);
  }
}

export function fail(code: ErrorCode, message?: string, details?: unknown): never {
  throw new ApiError(code, message, details);
}

/** An engine rejection as an API error, keeping the element id in the details. */
export function fromEngine(error: EngineError): ApiError {
  const details =
    error.elementId === undefined && error.details === undefined
      ? undefined
      : { elementId: error.elementId, ...(error.details ? { more: error.details } : {}) };
  return new ApiError(error.code, error.message, details);
}
