import cluster, { type Address, type Worker } from 'node:cluster';

/** A crash loop: more unplanned exits than this within the window stops the server instead of forking again. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

export interface PrimaryLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ServingProcesses {
  /** Where the processes listen, e.g. `http://127.0.0.1:3000`. */
  readonly address: string;
  /** Resolves once every process has exited: after a SIGTERM or SIGINT to the primary, or a crash loop. */
  readonly stopped: Promise<void>;
}

/**
 * Several server processes on one machine, one per core: each is a whole server (HTTP, engine,
 * workers) with its own connection to the shared store, and node:cluster hands the
 * connections on the one port round-robin to them. They need nothing from each other: the
 * store decides between them (version-guarded commits, leased jobs), as it does between servers
 * on different machines.
 *
 * The primary only forks, replaces a process that dies (until they die too often), and passes
 * a SIGTERM or SIGINT on to every process, which then shuts down gracefully. Should a process
 * exit before all are listening, the others are stopped and the start fails.
 */
export async function forkServers(count: number, log: PrimaryLog): Promise<ServingProcesses> {
  const live = new Set<Worker>();
  const exits: number[] = [];
  let starting = true;
  let stopping = false;
  let allExited: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    allExited = resolve;
  });

  const stop = () => {
    stopping = true;
    if (live.size === 0) allExited();
    for (const worker of live) worker.process.kill('SIGTERM');
  };

  const fork = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      live.add(worker);
      worker.once('listening', (address) => resolve(urlOf(address)));
      worker.once('exit', (code, signal) => {
        live.delete(worker);
        const pid = worker.process.pid;
        if (stopping) {
          if (live.size === 0) allExited();
          return;
        }
        if (starting) {
          stop();
          reject(new Error(`server process ${pid} exited while starting (code ${code}, signal ${signal})`));
          return;
        }
        const now = Date.now();
        exits.push(now);
        while ((exits[0] ?? now) < now - RESTART_WINDOW_MS) exits.shift();
        if (exits.length > MAX_RESTARTS) {
          log.error({ pid, code, signal }, `server processes keep dying (${exits.length} within a minute): stopping`);
          process.exitCode = 1;
          stop();
          return;
        }
        log.error({ pid, code, signal }, 'a server process died: starting another');
        fork().catch((error: unknown) => log.error({ err: error }, 'the replacement did not start'));
      });
    });

  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const addresses = await Promise.all(Array.from({ length: count }, fork));
  starting = false;
  log.info({ processes: count, pids: [...live].map((w) => w.process.pid) }, 'server processes listening');
  return { address: addresses[0] as string, stopped };
}

function urlOf(address: Address): string {
  const host = address.address === null || address.address === undefined || address.address === '' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
