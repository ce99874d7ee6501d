import pg from 'pg';
import type { Sql } from './sql.ts';

/** Where statements run: the pool (each statement on its own) or one transaction's connection. */
export interface Queryable {
  /** The rows a statement returns. */
  rows<R>(statement: Sql): Promise<R[]>;
  /** How many rows a statement wrote (or returned). */
  run(statement: Sql): Promise<number>;
}

export interface Postgres extends Queryable {
  /**
   * `work` in one transaction (READ COMMITTED) on one connection: committed when it resolves,
   * rolled back when it throws (the error goes on to the caller).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes every connection. */
  end(): Promise<void>;
}

/** The pool's settings; every one has a default (POOL_DEFAULTS). */
export interface PostgresPoolOptions {
  /**
   * Connections this process opens at most: its concurrent reads and commits. Every server
   * process has its own pool, so processes × max must stay below the server's max_connections.
   */
  readonly max?: number;
  /** An idle connection is closed after this long, in ms. */
  readonly idleTimeoutMs?: number;
  /**
   * The server cancels a statement running longer, in ms, and ends a transaction left idle
   * that long (a stalled process must not hold row locks other processes wait for).
   */
  readonly statementTimeoutMs?: number;
  /** Waiting longer for a connection (the pool busy, the server unreachable) fails, in ms. */
  readonly connectionTimeoutMs?: number;
}

export const POOL_DEFAULTS: Required<PostgresPoolOptions> = {
  max: 10,
  idleTimeoutMs: 30_000,
  statementTimeoutMs: 30_000,
  connectionTimeoutMs: 10_000,
};

/**
 * BIGINT (ms timestamps, counts) comes back as a number rather than pg's default string: every
 * such value the store keeps is below 2^53. Set on this pool's connections only, not on pg's
 * global parsers, so other users of pg in the process are untouched.
 */
function storeTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  return types;
}

export function openPool(url: string, options: PostgresPoolOptions = {}): Postgres {
  const settings = { ...POOL_DEFAULTS, ...options };
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    idleTimeoutMillis: settings.idleTimeoutMs,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.statementTimeoutMs,
    application_name: 'shanzhi',
    types: storeTypes(),
  });
  // An idle connection that breaks (the server restarted) is dropped by the pool, which opens
  // another when one is needed; without a listener the error would end the process.
  pool.on('error', () => {});
  return { ...on(pool), transaction: (work) => inTransaction(pool, work), end: () => pool.end() };
}

function on(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async rows<R>(statement: Sql) {
      return (await client.query(statement.toQuery())).rows as R[];
    },
    async run(statement) {
      return (await client.query(statement.toQuery())).rowCount ?? 0;
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(on(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is broken: the pool closes it rather than lend it again.
    await client.query('ROLLBACK').catch((rollback: Error) => {
      broken = rollback;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
