import { StoreConflict, StoreCursorInvalid } from '@shanzhi/store';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { languageOf } from '../errors/language.ts';
import { errorBody } from '../errors/render.ts';
import { schemaProblem } from '../errors/schemaProblems.ts';
import { ApiError, fieldText, invalidRequest } from '../errors.ts';

/**
 * Every error leaves as `{ code, message, details? }`, worded in the request's language
 * (Accept-Language; zh-CN by default): catalogue errors as they are, schema failures as
 * SZ_VALIDATION naming each field, Fastify's own errors mapped to their codes, anything else as
 * SZ_INTERNAL (logged with the request id, answered without internals).
 */
const errorsPlugin: FastifyPluginAsync = async (app) => {
  app.setErrorHandler((error: FastifyError | ApiError | Error, request, reply) => {
    const api = toApiError(error);
    if (api.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    const body = errorBody(api, languageOf(request.headers['accept-language']));
    return reply.status(api.statusCode).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new ApiError('SZ_ROUTE_NOT_FOUND', { method: request.method, path: request.url.split('?')[0] ?? '' });
    return reply.status(error.statusCode).send(errorBody(error, languageOf(request.headers['accept-language'])));
  });
};

/** What a conflict in the store means to the caller: someone changed what they read, or a worker lost its job's lock. */
const STORE_CONFLICT_CODES = {
  instance: 'SZ_INSTANCE_CONFLICT',
  job: 'SZ_JOB_LOCK_LOST',
  adoption: 'SZ_ADOPTION_CONFLICT',
  register: 'SZ_REGISTER_CONFLICT',
} as const;

function toApiError(error: FastifyError | ApiError | Error): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreConflict) return new ApiError(STORE_CONFLICT_CODES[error.entity]);
  // Every paged list takes its cursor in the query string.
  if (error instanceof StoreCursorInvalid) {
    return invalidRequest([{ field: 'querystring.cursor', message: error.message }]);
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const context = fe.validationContext ?? 'body';
    const [first, ...rest] = fe.validation.map((v) => schemaProblem(v, context));
    return invalidRequest(first ? [first, ...rest] : [{ field: context, message: fieldText('invalid', { reason: fe.message }) }]);
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
      return invalidRequest([{ field: 'body', message: fieldText('notJson') }]);
  }
  if (fe.code?.startsWith('FST_JWT_')) {
    return new ApiError(fe.code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED' ? 'SZ_TOKEN_EXPIRED' : 'SZ_UNAUTHENTICATED');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return invalidRequest([{ field: 'request', message: fieldText('refused', { reason: fe.message }) }]);
  }
  return new ApiError('SZ_INTERNAL');
}

export default fp(errorsPlugin, { fastify: '5.x', name: 'shanzhi-errors' });
