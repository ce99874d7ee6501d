import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.ts';

export type { components, paths } from './schema.ts';

/** The server's error answer (docs/errors.md): a code and a message in the asked language. */
export type ErrorBody = components['schemas']['Error'];

export type ShanzhiClient = Client<paths>;

/** What a route answers when it succeeds (its 200 or 201 JSON), e.g. `Success<'/api/registers', 'get'>`. */
export type Success<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export interface ClientOptions {
  /** Origin of the server, e.g. `http://127.0.0.1:3000`; '' in the browser (same origin). */
  readonly baseUrl: string;
  /** The access token to send now, if any. */
  readonly token?: () => string | undefined;
  /** The language messages come back in (Accept-Language): zh-CN unless told. */
  readonly language?: () => string;
  /** Told when the server refuses the token (401): the session is over, sign in again. */
  readonly onUnauthorized?: (request: Request) => void;
  readonly fetch?: (input: Request) => Promise<Response>;
}

/** A typed client of the Shanzhi API: paths, parameters and answers come from the server's OpenAPI. */
export function createShanzhiClient(options: ClientOptions): ShanzhiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    onRequest({ request }) {
      const token = options.token?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      request.headers.set('accept-language', options.language?.() ?? 'zh-CN');
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401) options.onUnauthorized?.(request);
      return response;
    },
  });
  return client;
}

/** A refused request: the HTTP status and the server's coded error. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: Partial<ErrorBody> | undefined) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = body?.code ?? `HTTP_${status}`;
    this.details = body?.details;
  }
}

interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** The answer's data, or an ApiFailure carrying the server's code and message. */
export async function ok<T>(answer: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) throw new ApiFailure(response.status, error as Partial<ErrorBody> | undefined);
  return data as T;
}
