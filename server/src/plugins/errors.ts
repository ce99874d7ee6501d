import { StoreConflict, StoreCursorInvalid } from '@shanzhi/store';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.ts';

interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Every error leaves as `{ code, message, details? }`: catalogue errors as they are, schema
 * failures as SZ_VALIDATION naming each field, Fastify's own errors mapped to their codes,
 * anything else as SZ_INTERNAL (logged with the request id, answered without internals).
 */
const errorsPlugin: FastifyPluginAsync = async (app) => {
  app.setErrorHandler((error: FastifyError | ApiError | Error, request, reply) => {
    const api = toApiError(error);
    if (api.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    const body: { code: string; message: string; details?: unknown } = { code: api.code, message: api.message };
    if (api.details !== undefined) body.details = api.details;
    return reply.status(api.statusCode).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send({ code: 'SZ_ROUTE_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
};

/** What a conflict in the store means to the caller: someone changed what they read, or a worker lost its job's lock. */
const STORE_CONFLICT_CODES = { instance: 'SZ_INSTANCE_CONFLICT', job: 'SZ_JOB_LOCK_LOST' } as const;

function toApiError(error: FastifyError | ApiError | Error): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreConflict) return new ApiError(STORE_CONFLICT_CODES[error.entity]);
  // Every paged list takes its cursor in the query string.
  if (error instanceof StoreCursorInvalid) {
    return new ApiError('SZ_VALIDATION', `querystring.cursor: ${error.message}`, [{ field: 'querystring.cursor', message: error.message }]);
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const fields = fe.validation.map((v) => fieldProblem(v, fe.validationContext ?? 'body'));
    const first = fields[0];
    return new ApiError('SZ_VALIDATION', first ? `${first.field}: ${first.message}` : fe.message, fields);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new ApiError('SZ_PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new ApiError('SZ_UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError('SZ_VALIDATION', 'body: not valid JSON', [{ field: 'body', message: 'not valid JSON' }]);
  }
  if (fe.code?.startsWith('FST_JWT_')) {
    return new ApiError(fe.code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED' ? 'SZ_TOKEN_EXPIRED' : 'SZ_UNAUTHENTICATED');
  }
  if (fe.statusCode === 429) return new ApiError('SZ_RATE_LIMITED');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new ApiError('SZ_VALIDATION', fe.message, [{ field: 'request', message: fe.message }]);
  }
  return new ApiError('SZ_INTERNAL');
}

function fieldProblem(v: NonNullable<FastifyError['validation']>[number], context: string): FieldProblem {
  const params = v.params as Record<string, unknown>;
  const path = [context, ...v.instancePath.split('/').filter(Boolean)];
  if (typeof params.missingProperty === 'string') path.push(params.missingProperty);
  if (typeof params.additionalProperty === 'string') path.push(params.additionalProperty);
  const message =
    typeof params.missingProperty === 'string'
      ? 'is required'
      : typeof params.additionalProperty === 'string'
        ? 'is not allowed'
        : (v.message ?? 'is invalid');
  return { field: path.join('.'), message };
}

export default fp(errorsPlugin, { fastify: '5.x', name: 'shanzhi-errors' });
