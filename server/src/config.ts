import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_LIMITS, type Limits } from '@shanzhi/engine';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The PostgreSQL store: SHANZHI_STORE, a postgres:// or postgresql:// URL. */
  readonly postgresUrl?: string;
  /** Connections each server process opens at most: SHANZHI_POSTGRES_POOL_MAX; default the adapter's. */
  readonly postgresPoolMax?: number;
  readonly mongodbUrl?: string;
  /** The MongoDB database: SHANZHI_MONGODB_DB, else the one the URL names, else `shanzhi`. */
  readonly mongodbDbName?: string;
  readonly jwtSecret: string;
  readonly jwksUrl?: string;
  readonly sqliteSynchronous?: SqliteSynchronous;
  /** Server processes sharing the port and the store (cluster.ts): SHANZHI_PROCESSES, a number or `auto` (one per core); default 1. */
  readonly processes: number;
  /** What one engine command may cause: SHANZHI_MAX_ACTIVATIONS and SHANZHI_MAX_CALL_DEPTH; default the engine's DEFAULT_LIMITS. */
  readonly limits: Limits;
  /** The built web app served at `/`: SHANZHI_WEB_DIR, default designer/dist of this checkout. */
  readonly webDir: string;
  /** The template library imported at start: SHANZHI_TEMPLATES_DIR, default templates/ of this checkout. */
  readonly templatesDir: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the environment. The JWT secret, when SHANZHI_JWT_SECRET is unset, is generated on
 * first start and kept in `<data dir>/jwt-secret` (mode 0600), so tokens survive restarts.
 */
export function loadConfig(env: Env = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT '${env.PORT}' is not a port number`);
  const dataDir = resolve(env.SHANZHI_DATA_DIR ?? './data');
  const sync = env.SHANZHI_SQLITE_SYNCHRONOUS?.toUpperCase();
  if (sync !== undefined && sync !== 'FULL' && sync !== 'NORMAL') {
    throw new Error(`SHANZHI_SQLITE_SYNCHRONOUS '${sync}' is not FULL or NORMAL`);
  }
  return {
    port,
    processes: processesIn(env.SHANZHI_PROCESSES),
    limits: limitsIn(env),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    webDir: resolve(env.SHANZHI_WEB_DIR ?? DEFAULT_WEB_DIR),
    templatesDir: resolve(env.SHANZHI_TEMPLATES_DIR ?? DEFAULT_TEMPLATES_DIR),
    jwtSecret: env.SHANZHI_JWT_SECRET || jwtSecretIn(dataDir),
    ...postgresIn(env),
    ...(env.SHANZHI_MONGODB_URL ? { mongodbUrl: env.SHANZHI_MONGODB_URL } : {}),
    ...(env.SHANZHI_MONGODB_DB ? { mongodbDbName: env.SHANZHI_MONGODB_DB } : {}),
    ...(env.SHANZHI_JWKS_URL ? { jwksUrl: env.SHANZHI_JWKS_URL } : {}),
    ...(sync ? { sqliteSynchronous: sync as SqliteSynchronous } : {}),
  };
}

/**
 * SHANZHI_STORE names the PostgreSQL database to use instead of the embedded file (MongoDB is
 * chosen by SHANZHI_MONGODB_URL, as before). The URL may hold a password, so an error quotes
 * only its scheme.
 */
export function postgresIn(env: Env): Pick<Config, 'postgresUrl' | 'postgresPoolMax'> {
  const url = env.SHANZHI_STORE;
  if (!url) return {};
  if (!/^postgres(?:ql)?:\/\//.test(url)) {
    throw new Error(
      `SHANZHI_STORE '${url.split(':')[0]}:…' is not a postgres:// or postgresql:// URL (MongoDB is chosen by SHANZHI_MONGODB_URL; without either, the embedded store in SHANZHI_DATA_DIR)`,
    );
  }
  if (env.SHANZHI_MONGODB_URL) throw new Error('SHANZHI_STORE and SHANZHI_MONGODB_URL are both set: choose one store');
  const max = env.SHANZHI_POSTGRES_POOL_MAX;
  if (max === undefined || max === '') return { postgresUrl: url };
  const n = Number(max);
  if (!Number.isInteger(n) || n < 1 || n > MAX_POOL) {
    throw new Error(`SHANZHI_POSTGRES_POOL_MAX '${max}' is not a number of connections from 1 to ${MAX_POOL}`);
  }
  return { postgresUrl: url, postgresPoolMax: n };
}

/** Far above what one process uses; every process has a pool of its own, within the server's max_connections. */
const MAX_POOL = 1000;

const DEFAULT_WEB_DIR = join(import.meta.dirname, '../../designer/dist');
export const DEFAULT_TEMPLATES_DIR = join(import.meta.dirname, '../../templates');

const MAX_PROCESSES = 64;

function processesIn(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  if (value.toLowerCase() === 'auto') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROCESSES)
    throw new Error(`SHANZHI_PROCESSES '${value}' is not a number of processes from 1 to ${MAX_PROCESSES}, or auto`);
  return n;
}

/**
 * Wide enough for any real procedure, narrow enough that no model takes the server down: one
 * command's activations cost about 13 KB of memory and 40 µs of the event loop each (100,000:
 * 1.3 GB and 4 s), and every level of a call chain is an instance of its own.
 */
const LIMIT_RANGES: Readonly<Record<keyof Limits, { variable: string; min: number; max: number }>> = {
  activations: { variable: 'SHANZHI_MAX_ACTIVATIONS', min: 100, max: 100_000 },
  callDepth: { variable: 'SHANZHI_MAX_CALL_DEPTH', min: 1, max: 256 },
};

/** The engine limits the environment sets (the CLI reads them too, to run commands as the server would). */
export function limitsIn(env: Env): Limits {
  const limit = (name: keyof Limits): number => {
    const { variable, min, max } = LIMIT_RANGES[name];
    const value = env[variable];
    if (value === undefined || value === '') return DEFAULT_LIMITS[name];
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${variable} '${value}' is not a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`);
    return n;
  };
  return { activations: limit('activations'), callDepth: limit('callDepth') };
}

function jwtSecretIn(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** The database a MongoDB connection string names (`mongodb://db1,db2/shanzhi?replicaSet=rs0`), or `shanzhi`. */
export function mongoDbNameIn(url: string): string {
  const path = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(url)?.[1];
  return path ? decodeURIComponent(path) : 'shanzhi';
}
