import { existsSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { OrgUnit, Store } from '@shanzhi/store';
import { createSqliteStore, type SqliteStore } from '@shanzhi/store/sqlite';
import { pino } from 'pino';
import { systemClock } from '../clock.ts';
import { limitsIn, postgresIn, type SqliteSynchronous } from '../config.ts';
import { timeOrderedId } from '../ids.ts';
import { openStore } from '../main.ts';
import { Metrics, serverMetrics } from '../metrics.ts';
import { createRuntime, type Runtime } from '../runtime/index.ts';
import { isUnitPath } from '../units.ts';
import { Failure, UsageError } from './outcomes.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the CLI writes and what it reads: tests pass their own. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** SHANZHI_DATA_DIR, SHANZHI_STORE, SHANZHI_MONGODB_URL, SHANZHI_SQLITE_SYNCHRONOUS, SHANZHI_MAX_ACTIVATIONS, SHANZHI_MAX_CALL_DEPTH; default process.env. */
  readonly env?: Env;
  /** Where relative FILE and --data-dir arguments start; default pnpm's INIT_CWD (the caller's folder), else the process's. */
  readonly cwd?: string;
}

/** The embedded store with its database file, PostgreSQL or MongoDB. */
export type OpenedStore =
  | { readonly kind: 'sqlite'; readonly store: SqliteStore; readonly file: string }
  | { readonly kind: 'postgres' | 'mongodb'; readonly store: Store };

export const DB_FILE = 'shanzhi.db';

/** What every command gets: output, the data dir, the store on demand. */
export class Cli {
  readonly env: Env;
  readonly cwd: string;
  readonly dataDir: string;
  /** SHANZHI_STORE and SHANZHI_POSTGRES_POOL_MAX, as the server reads them. */
  readonly postgres: ReturnType<typeof postgresIn>;
  readonly mongodbUrl: string | undefined;
  private readonly synchronous: SqliteSynchronous | undefined;

  constructor(
    readonly io: Io,
    dataDirFlag: string | undefined,
  ) {
    this.env = io.env ?? process.env;
    this.cwd = io.cwd ?? this.env.INIT_CWD ?? process.cwd();
    // The flag is the caller's, relative to their folder; the variable is the server's, relative to where it runs.
    this.dataDir = dataDirFlag !== undefined ? resolve(this.cwd, dataDirFlag) : resolve(this.env.SHANZHI_DATA_DIR ?? './data');
    this.postgres = postgresIn(this.env);
    this.mongodbUrl = this.env.SHANZHI_MONGODB_URL || undefined;
    const sync = this.env.SHANZHI_SQLITE_SYNCHRONOUS?.toUpperCase();
    this.synchronous = sync === 'FULL' || sync === 'NORMAL' ? sync : undefined;
  }

  out(line = ''): void {
    this.io.out(line);
  }

  err(line: string): void {
    this.io.err(line);
  }

  /** A path argument, relative to the caller's folder. */
  path(file: string): string {
    return resolve(this.cwd, file);
  }

  get dbFile(): string {
    return join(this.dataDir, DB_FILE);
  }

  /**
   * Opens and migrates the store, runs `fn`, closes it. `mustExist`: an embedded store must
   * already have its database file (commands that only read or copy it).
   */
  async withStore<T>(fn: (opened: OpenedStore) => Promise<T>, options: { mustExist: boolean }): Promise<T> {
    let opened: OpenedStore;
    if (this.postgres.postgresUrl) {
      opened = { kind: 'postgres', store: await openStore({ dataDir: this.dataDir, ...this.postgres }) };
    } else if (this.mongodbUrl) {
      opened = { kind: 'mongodb', store: await openStore({ dataDir: this.dataDir, mongodbUrl: this.mongodbUrl }) };
    } else {
      if (options.mustExist && !existsSync(this.dbFile)) {
        throw new Failure(
          `数据目录中没有数据库 (no database in the data dir): ${this.dbFile}。请检查 --data-dir 或 SHANZHI_DATA_DIR，或先运行 pnpm shanzhi demo load / pnpm start`,
        );
      }
      mkdirSync(this.dataDir, { recursive: true });
      const store = createSqliteStore({ file: this.dbFile, ...(this.synchronous ? { synchronous: this.synchronous } : {}) });
      opened = { kind: 'sqlite', store, file: this.dbFile };
    }
    try {
      await opened.store.migrate();
      return await fn(opened);
    } finally {
      await opened.store.close();
    }
  }

  /** The server's runtime on a store, without workers: deploy, start, complete as the server would, counting the same working days. */
  async withRuntime<T>(store: Store, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
    const runtime = createRuntime(
      {
        store,
        clock: systemClock,
        newId: timeOrderedId,
        log: pino({ level: 'silent' }),
        metrics: serverMetrics(new Metrics()),
        limits: limitsIn(this.env),
      },
      { owner: `cli:${hostname()}:${process.pid}` },
    );
    try {
      await runtime.calendars.seedNational();
      return await fn(runtime);
    } finally {
      await runtime.stop();
    }
  }
}

/**
 * A unit named by path (`/nanhai/lishui/`, the trailing slash may be left out) or by a name
 * that only one unit has (`里水镇`). A path that is not in the store comes back without a unit.
 */
export async function resolveUnit(store: Store, arg: string, flagName = 'unit'): Promise<{ path: string; unit?: OrgUnit }> {
  const text = arg.trim();
  if (text.startsWith('/')) {
    const path = text.endsWith('/') ? text : `${text}/`;
    if (!isUnitPath(path)) throw new UsageError(`--${flagName} ${arg} 不是单位路径 (not a unit path): 应形如 /nanhai/lishui/`);
    const unit = await store.units.byPath(path);
    return unit ? { path, unit } : { path };
  }
  const named = (await store.units.under('/')).filter((u) => u.name === text);
  if (named.length === 0) throw new Failure(`找不到名为“${text}”的单位 (no unit named ${text}): 请用单位路径，如 /nanhai/lishui/`);
  if (named.length > 1) {
    throw new Failure(
      `单位名“${text}”不唯一 (more than one unit has this name): ${named.map((u) => u.path).join(', ')}，请用路径 (use the path)`,
    );
  }
  const unit = named[0] as OrgUnit;
  return { path: unit.path, unit };
}

export function unitLabel(unit: { path: string; unit?: OrgUnit }): string {
  return unit.unit ? `${unit.unit.name} ${unit.path}` : unit.path;
}
