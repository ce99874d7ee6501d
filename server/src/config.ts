import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly mongodbUrl?: string;
  /** The MongoDB database: SHANZHI_MONGODB_DB, else the one the URL names, else `shanzhi`. */
  readonly mongodbDbName?: string;
  readonly jwtSecret: string;
  readonly jwksUrl?: string;
  readonly sqliteSynchronous?: SqliteSynchronous;
  /** Server processes sharing the port and the store (cluster.ts): SHANZHI_PROCESSES, a number or `auto` (one per core); default 1. */
  readonly processes: number;
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
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    jwtSecret: env.SHANZHI_JWT_SECRET || jwtSecretIn(dataDir),
    ...(env.SHANZHI_MONGODB_URL ? { mongodbUrl: env.SHANZHI_MONGODB_URL } : {}),
    ...(env.SHANZHI_MONGODB_DB ? { mongodbDbName: env.SHANZHI_MONGODB_DB } : {}),
    ...(env.SHANZHI_JWKS_URL ? { jwksUrl: env.SHANZHI_JWKS_URL } : {}),
    ...(sync ? { sqliteSynchronous: sync as SqliteSynchronous } : {}),
  };
}

const MAX_PROCESSES = 64;

function processesIn(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  if (value.toLowerCase() === 'auto') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROCESSES)
    throw new Error(`SHANZHI_PROCESSES '${value}' is not a number of processes from 1 to ${MAX_PROCESSES}, or auto`);
  return n;
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
