import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A PostgreSQL server for the tests: the one SHANZHI_POSTGRES_URL names (a role that may create
 * databases), else a throwaway cluster made with the binaries Debian installs under
 * /usr/lib/postgresql/<major>/bin, in a temporary folder, listening on a free port of 127.0.0.1
 * only, with its socket in that folder. PostgreSQL refuses to run as root, so as root the cluster
 * belongs to the `postgres` system user. Each test gets a database of its own.
 */

const run = promisify(execFile);

/** The oldest major version the adapter supports. */
const MIN_MAJOR = 15;

/** The bin folder of the newest PostgreSQL installed, if it is recent enough. */
function installedBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .map(Number)
    .filter((major) => major >= MIN_MAJOR && existsSync(join(root, String(major), 'bin', 'initdb')))
    .sort((a, b) => b - a);
  return majors[0] === undefined ? undefined : join(root, String(majors[0]), 'bin');
}

/** Why the tests cannot have a server, or undefined when they can. */
export function testServerUnavailable(): string | undefined {
  if (process.env.SHANZHI_POSTGRES_URL || installedBin()) return undefined;
  return `no PostgreSQL ${MIN_MAJOR}+ in /usr/lib/postgresql/*/bin and SHANZHI_POSTGRES_URL is not set`;
}

export interface TestServer {
  /** A new, empty database; its URL. */
  createDatabase(): Promise<string>;
  /** Drops the databases it made, then stops and removes a throwaway cluster. */
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** A throwaway cluster that syncs its commits as a production one does (the benchmarks'); tests skip it. */
  readonly durable?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const url = process.env.SHANZHI_POSTGRES_URL;
  if (url) return databasesOn(url, { keep: false, shutDown: async () => {} });
  const bin = installedBin();
  if (bin === undefined) throw new Error(testServerUnavailable());
  return startCluster(bin, options.durable ?? false);
}

/** As root, commands run as the `postgres` system user. */
const asServerUser = (command: string, args: readonly string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];

async function startCluster(bin: string, durable: boolean): Promise<TestServer> {
  const folder =
    process.getuid?.() === 0
      ? (await run(...asServerUser('mktemp', ['-d', join(tmpdir(), 'shanzhi-postgres-XXXXXX')]))).stdout.trim()
      : mkdtempSync(join(tmpdir(), 'shanzhi-postgres-'));
  const data = join(folder, 'data');
  const pgCtl = join(bin, 'pg_ctl');
  const port = await freePort();
  try {
    // The ICU en-US default collation sorts "ext-sms-spent" before "ext-sms" and ignores
    // punctuation: the schema's COLLATE "C" must keep every order the port promises anyway.
    await run(
      ...asServerUser(join(bin, 'initdb'), [
        '-D',
        data,
        '-U',
        'shanzhi',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--locale-provider=icu',
        '--icu-locale=en-US',
        '--no-sync',
      ]),
    );
    // Durability buys a test nothing in a cluster thrown away after the run; a benchmark measures it.
    const unsynced = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const settings = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200${unsynced}`;
    await run(...asServerUser(pgCtl, ['-D', data, '-w', '-l', join(folder, 'server.log'), '-o', settings, 'start']));
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  // A test run that ends without its afterAll (a hook timed out, the worker was stopped) still
  // takes its cluster down with it.
  const stopNow = () => {
    execFileSync(...asServerUser(pgCtl, ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  // Its databases go with it.
  return databasesOn(`postgres://shanzhi@127.0.0.1:${port}/postgres`, {
    keep: true,
    async shutDown() {
      process.off('exit', stopNow);
      stopNow();
    },
  });
}

/** `keep`: leave the databases made to `shutDown` (a throwaway cluster), rather than drop them one by one. */
function databasesOn(adminUrl: string, { keep, shutDown }: { keep: boolean; shutDown: () => Promise<void> }): TestServer {
  const admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
  const made: string[] = [];
  return {
    async createDatabase() {
      const name = `shanzhi_test_${process.pid}_${made.length + 1}`;
      made.push(name);
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      try {
        if (!keep) for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
        await shutDown();
      }
    },
  };
}

/** A port nothing listens on now (the OS's pick for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
