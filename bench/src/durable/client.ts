/**
 * The load generator's side of HTTP: undici with keep-alive connections to the server on
 * 127.0.0.1, JSON in and out, and logins.
 */
import { type Dispatcher, Pool } from 'undici';
import { PASSWORD } from './seed.ts';

export { Pool };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 300)}`);
  }
}

/** One JSON request on `dispatcher` (a Pool keeps its connections alive); throws unless the status is `expect`. */
export async function json<T>(
  dispatcher: Dispatcher,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; expect?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await dispatcher.request({
    method,
    path,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.body.text();
  if (res.statusCode !== (options.expect ?? 200)) throw new HttpError(res.statusCode, text, `${method} ${path}`);
  return JSON.parse(text) as T;
}

/**
 * Logs each user in once and returns their access tokens. The server allows 20 logins a minute
 * per address; the loopback range is all ours, so the logins come from 127.0.0.2, .3, … (16
 * per address) through one short-lived connection pool each.
 */
export async function loginAll(origin: string, usernames: readonly string[]): Promise<string[]> {
  const tokens: string[] = [];
  const perAddress = 16;
  for (let start = 0; start < usernames.length; start += perAddress) {
    const pool = new Pool(origin, { connections: 1, localAddress: `127.0.0.${2 + start / perAddress}` });
    try {
      for (const username of usernames.slice(start, start + perAddress)) {
        const out = await json<{ token: string }>(pool, 'POST', '/api/auth/login', { body: { username, password: PASSWORD } });
        tokens.push(out.token);
      }
    } finally {
      await pool.close();
    }
  }
  return tokens;
}
