import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DEMO_PASSWORD } from '../src/demo/data.ts';

/** `pnpm start` running as a child process, once it has printed its URL and logins. */
export interface ServerProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly url: string;
  /** What it printed up to the end of its banner. */
  readonly printed: readonly string[];
  /** Its stderr so far, for failure messages. */
  stderr(): string;
  /** SIGTERM, then its exit code once it has stopped. */
  stop(): Promise<number | null>;
}

/**
 * Starts the demo server (server/src/demo/start.ts under tsx) on a free loopback port with `env`
 * added to this process's environment and `nodeOptions` before the script (a heap limit, say).
 * Throws, with what it wrote, when it exits before printing its URL.
 */
export async function spawnDemoServer(env: Record<string, string>, nodeOptions: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', join(import.meta.dirname, '..', 'src', 'demo', 'start.ts')], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    return code as number | null;
  };
  let url: string | undefined;
  const printed: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    printed.push(line);
    url ??= /已启动 \(server started\): (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    if (url && line.includes('Ctrl+C')) break;
  }
  // Its logs go on to stdout: read on, so a full pipe never holds the server up.
  child.stdout.resume();
  if (url === undefined) {
    await stop();
    throw new Error(`the server printed no URL:\n${printed.join('\n')}\n${stderr.join('')}`);
  }
  return { child, url, printed, stderr: () => stderr.join(''), stop };
}

/** A demo user signed in to a spawned server; every request on a fresh connection, so a cluster spreads them. */
export interface HttpClient {
  readonly token: string;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
}

export async function signIn(url: string, username: string): Promise<HttpClient> {
  const call = (path: string, init: RequestInit & { headers: Record<string, string> }) =>
    fetch(`${url}${path}`, { ...init, headers: { ...init.headers, connection: 'close' } });
  const json = { 'content-type': 'application/json' };
  const login = await call('/api/auth/login', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login as ${username}: ${login.status} ${await login.text()}`);
  const token = ((await login.json()) as { token: string }).token;
  const authorization = `Bearer ${token}`;
  return {
    token,
    get: (path) => call(path, { headers: { authorization } }),
    post: (path, body) =>
      call(path, { method: 'POST', headers: { authorization, ...json }, body: body === undefined ? null : JSON.stringify(body) }),
  };
}
