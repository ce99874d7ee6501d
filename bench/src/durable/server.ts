/**
 * The real server in a child process, as `pnpm --filter @shanzhi/server start` runs it
 * (`node --import tsx server/src/main.ts`), on a data dir the bench made: its own event loop,
 * so the load generator (this process) does not share one with it. Loopback only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { BENCH_DIR } from '../harness.ts';

export const SERVER_DIR = join(BENCH_DIR, '..', 'server');
export const SERVER_MAIN = join(SERVER_DIR, 'src', 'main.ts');

/** The secret every bench server signs with (the bench never needs to mint tokens itself). */
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret';

export interface ServerChild {
  readonly origin: string;
  readonly port: number;
  readonly pid: number;
  /** Milliseconds from spawn until /health answered. */
  readonly bootMs: number;
  /** Prometheus text from GET /metrics. */
  metrics(): Promise<string>;
  /** SIGTERM (graceful: commands drained, leases given back), SIGKILL after 15 s; resolves on exit. */
  stop(): Promise<number | null>;
  /** What the child wrote to stderr/stdout (last 64 KB), for errors. */
  output(): string;
}

export interface ServerChildOptions {
  readonly dataDir: string;
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** Default `warn`: Fastify's two request lines per request at `info` are measured separately. */
  readonly logLevel?: string;
  /** Write a .cpuprofile into this folder when the child exits. */
  readonly cpuProfileDir?: string;
  readonly env?: Record<string, string>;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the child to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(options: ServerChildOptions): Promise<ServerChild> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = ['--import', 'tsx'];
  if (options.cpuProfileDir) args.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir);
  args.push(SERVER_MAIN);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SHANZHI_DATA_DIR: options.dataDir,
      SHANZHI_JWT_SECRET: JWT_SECRET,
      SHANZHI_SQLITE_SYNCHRONOUS: options.synchronous ?? 'FULL',
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-65536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let dead = false;
  void exited.then(() => {
    dead = true;
  });

  // Up when /health answers; a child that dies first fails the run with its output.
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (dead) throw new Error(`the server exited while starting:\n${out}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /health within 60 s:\n${out}`);
    }
    try {
      const res = await request(`${origin}/health`);
      await res.body.dump();
      if (res.statusCode === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const bootMs = performance.now() - started;

  return {
    origin,
    port,
    pid: child.pid ?? -1,
    bootMs,
    async metrics() {
      const res = await request(`${origin}/metrics`);
      return res.body.text();
    },
    async stop() {
      if (dead) return exited;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(force);
      return code;
    },
    output: () => out,
  };
}

/** Sums a Prometheus counter's samples whose labels include all of `labels`. */
export function counter(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
