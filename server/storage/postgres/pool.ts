/**
 * The connection pool of the PostgreSQL backend (node-postgres). One pool per
 * process is shared by every store; the stores never close it themselves.
 */
import pg from 'pg';

/** int8 (bigint) columns as JS numbers: our sequence numbers and Yjs client ids stay far below 2^53. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

export function openPool(databaseUrl: string, options: { max?: number; onError?: (err: Error) => void } = {}): PgPool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client whose connection dies (PostgreSQL restarted) emits 'error' on the pool;
  // unhandled, that would crash the process. The pool replaces the client on next use.
  pool.on('error', (err) => options.onError?.(err));
  return pool;
}

/** Runs `fn` in a transaction on one client: COMMIT on success, ROLLBACK on error. */
export async function inTransaction<T>(pool: PgPool, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

