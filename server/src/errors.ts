import type { EngineError } from '@shanzhi/engine';
import { type CodeOf, codeOf, type ERRORS, type MessageId, statusOf } from './errors/catalogue.ts';
import type { FieldProblem } from './errors/fieldProblems.ts';
import { messageOf, type Param } from './errors/render.ts';
import type { ParamNames } from './errors/template.ts';

export type { ErrorCode, MessageId } from './errors/catalogue.ts';
export { fieldText } from './errors/fieldProblems.ts';

type Template<M extends MessageId> = (typeof ERRORS)[M]['zh-CN'];

/** What a message needs after its id: its params when its template names some, then the details. */
type ArgsOf<M extends MessageId> = M extends unknown
  ? [ParamNames<Template<M>>] extends [never]
    ? [params?: Readonly<Record<string, never>>, details?: unknown]
    : [params: { readonly [N in ParamNames<Template<M>>]: Param }, details?: unknown]
  : never;

/**
 * An error the API answers as `{ code, message, details? }` with the code's status. It carries
 * the catalogue entry and its params, not words: the error plugin words the message (and any
 * field problems in the details) in the request's language. Its own `message`, for logs and the
 * CLI, is the English.
 */
export class ApiError<M extends MessageId = MessageId> extends Error {
  readonly code: CodeOf<M>;
  readonly statusCode: number;
  readonly params: Readonly<Record<string, Param>>;
  readonly details: unknown;

  constructor(
    readonly messageId: M,
    ...[params, details]: ArgsOf<M>
  ) {
    super(messageOf(messageId, 'en', params ?? {}));
    this.name = 'ApiError';
    this.code = codeOf(messageId);
    this.statusCode = statusOf(messageId);
    this.params = params ?? {};
    this.details = details;
  }
}

/** 400 SZ_VALIDATION: details list each field and what is wrong with it; the message names the first. */
export function invalidRequest(fields: readonly [FieldProblem, ...FieldProblem[]]): ApiError<'SZ_VALIDATION'> {
  const [first] = fields;
  return new ApiError('SZ_VALIDATION', { field: first.field, problem: first.message }, fields);
}

/**
 * An engine rejection as an API error: the catalogue words its code; the engine's own English,
 * which names the instance, task or element, stays in the details with the element id.
 */
export function fromEngine(error: EngineError): ApiError {
  return new ApiError(
    error.code,
    {},
    {
      engineMessage: error.message,
      ...(error.elementId === undefined ? {} : { elementId: error.elementId }),
      ...(error.details === undefined ? {} : { more: error.details }),
    },
  );
}
