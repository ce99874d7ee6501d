/**
 * The demo server (`pnpm start`'s script) as a child process on one loopback port and one data
 * dir, which can be killed with SIGKILL and started again on the same port and data: clients keep
 * their address and tokens (the JWT secret and the sessions live in the data dir) across crashes.
 */
import { createServer } from 'node:net';
import { type ServerProcess, spawnDemoServer } from '../../../server/test/serverProcess.ts';

/** A free TCP port on 127.0.0.1, asked of the kernel and released for the server to take. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RestartableServer {
  readonly url: string;
  readonly dataDir: string;
  /** How many times it has been killed with SIGKILL and started again. */
  readonly crashes: number;
  /** Milliseconds each start took until the banner, the first (which loads the demo data) included. */
  readonly startMs: readonly number[];
  /** SIGKILL, wait for the exit, start again on the same port and data dir. */
  crashAndRestart(): Promise<void>;
  /** SIGTERM and wait: a graceful stop, whose exit code is returned. */
  stop(): Promise<number | null>;
  stderr(): string;
}

export async function startRestartable(dataDir: string): Promise<RestartableServer> {
  const port = await freePort();
  const env = { SHANZHI_DATA_DIR: dataDir, PORT: String(port), SHANZHI_SQLITE_SYNCHRONOUS: 'FULL' };
  const startMs: number[] = [];
  const spawnOnce = async () => {
    const t0 = performance.now();
    const child = await spawnDemoServer(env);
    startMs.push(performance.now() - t0);
    return child;
  };
  let current: ServerProcess = await spawnOnce();
  let crashes = 0;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    get crashes() {
      return crashes;
    },
    startMs,
    async crashAndRestart() {
      const child = current.child;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
      crashes++;
      current = await spawnOnce();
    },
    stop: () => current.stop(),
    stderr: () => current.stderr(),
  };
}
