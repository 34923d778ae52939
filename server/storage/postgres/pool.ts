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
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    // An append resolves only once it is durable, whatever the server's default says.
    options: '-c synchronous_commit=on',
  });
  // An idle client whose connection dies (PostgreSQL restarted) emits 'error' on the pool;
  // unhandled, that would crash the process. The pool replaces the client on next use.
  pool.on('error', (err) => options.onError?.(err));
  return pool;
}

/**
 * Errors after which the statement certainly took no effect: the server
 * terminated the connection (57P01 admin shutdown, 57P02 crash, 57P03 still
 * starting) or refused it. A pooled connection killed while idle fails its
 * next query with 57P01, so a retry on a fresh connection hides a restart.
 */
function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  if (code === '57P01' || code === '57P02' || code === '57P03' || code === 'ECONNREFUSED') return true;
  return /timeout exceeded when trying to connect/.test((err as Error).message ?? '');
}

const RETRY_DELAYS_MS = [0, 25, 50, 100, 200, 400, 800, 1600];

/** Runs `attempt` again (a few times, about 3 s in all) while it fails with an error that left nothing done. */
export async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (i + 1 >= RETRY_DELAYS_MS.length || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[i + 1]));
    }
  }
}

/** One statement (autocommit), retried as `retrying` says. */
export function query(pool: PgPool, text: string, params?: unknown[]): Promise<pg.QueryResult> {
  return retrying(() => pool.query(text, params));
}

/** Runs `fn` in a transaction on one client: COMMIT on success, ROLLBACK on error; retried as `retrying` says. */
export function inTransaction<T>(pool: PgPool, fn: (client: PgClient) => Promise<T>): Promise<T> {
  return retrying(async () => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: Error) => {
        broken = rollbackErr;
      });
      throw err;
    } finally {
      // A client that cannot even roll back is dropped, not pooled.
      client.release(broken);
    }
  });
}
