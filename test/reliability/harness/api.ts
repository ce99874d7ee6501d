/**
 * A demo user's HTTP client for a server that may be killed at any moment. A request that gets
 * no answer (connection refused or reset, the server gone mid-request) is sent again until the
 * server answers; the answer then says `retried`, because the first try may have committed, so a
 * 409 or 404 after a retry does not mean the command was refused.
 */
import { DEMO_PASSWORD } from '../../../server/src/demo/data.ts';

export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field by their callers
  readonly body: any;
  /** The request was sent more than once: an earlier try may have been carried out. */
  readonly retried: boolean;
}

export interface Api {
  readonly username: string;
  readonly userId: string;
  get(path: string): Promise<Answer>;
  post(path: string, body?: unknown): Promise<Answer>;
}

/** How long a client keeps trying while the server is down (a restart takes seconds on a loaded machine). */
const DOWN_FOR_AT_MOST_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(url: string, init: RequestInit): Promise<Answer> {
  const deadline = Date.now() + DOWN_FOR_AT_MOST_MS;
  let tries = 0;
  for (;;) {
    tries++;
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
      const text = await res.text();
      // 503 is a server starting or stopping: no command was carried out, ask again.
      if (res.status === 503) throw new Error('503');
      return { status: res.status, body: text ? JSON.parse(text) : undefined, retried: tries > 1 };
    } catch (error) {
      if (error instanceof SyntaxError) throw error;
      if (Date.now() > deadline) throw new Error(`no answer from ${url} for ${DOWN_FOR_AT_MOST_MS / 1000} s: ${String(error)}`);
      await sleep(100 + Math.random() * 200);
    }
  }
}

export async function signIn(base: string, username: string): Promise<Api> {
  const json = { 'content-type': 'application/json' };
  const login = await send(`${base}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login as ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  const authorization = `Bearer ${login.body.token as string}`;
  const me = await send(`${base}/api/auth/me`, { headers: { authorization } });
  if (me.status !== 200) throw new Error(`who is ${username}: ${me.status} ${JSON.stringify(me.body)}`);
  return {
    username,
    userId: me.body.id as string,
    get: (path) => send(`${base}${path}`, { headers: { authorization } }),
    post: (path, body) =>
      send(`${base}${path}`, {
        method: 'POST',
        headers: body === undefined ? { authorization } : { authorization, ...json },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}
