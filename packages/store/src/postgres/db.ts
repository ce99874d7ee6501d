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
  const connect = inTurn(pool);
  const queryable: Queryable = {
    rows: async (statement) => withClient(connect, (client) => on(client).rows(statement)),
    run: async (statement) => withClient(connect, (client) => on(client).run(statement)),
  };
  return { ...queryable, transaction: (work) => inTransaction(connect, work), end: () => pool.end() };
}

/**
 * Lends connections in the order they are asked for. pg's pool alone does not quite: a request
 * that opens a new connection can be overtaken by a later one that gets a connection another
 * request gave back. In turn, what one process sends at the same moment (two commits of one
 * business key, of one version) reaches the server in the order it was sent: the first wins.
 * Only while the pool opens connections do requests wait for one another.
 */
function inTurn(pool: pg.Pool): () => Promise<pg.PoolClient> {
  let turn: Promise<unknown> = Promise.resolve();
  return () => {
    const lent = turn.then(() => pool.connect());
    turn = lent.catch(() => undefined);
    return lent;
  };
}

async function withClient<T>(connect: () => Promise<pg.PoolClient>, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

function on(client: pg.PoolClient): Queryable {
  return {
    async rows<R>(statement: Sql) {
      return (await client.query(statement.toQuery())).rows as R[];
    },
    async run(statement) {
      return (await client.query(statement.toQuery())).rowCount ?? 0;
    },
  };
}

async function inTransaction<T>(connect: () => Promise<pg.PoolClient>, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await connect();
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
