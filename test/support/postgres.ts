/**
 * A fresh PostgreSQL database per test file: created on the server named by
 * PENHOLDER_TEST_PG (default the local one, trust auth) and dropped after.
 * Never skips: without a reachable PostgreSQL the test fails and says how to start one.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG_URL = process.env.PENHOLDER_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  /** postgres://… of the new database. */
  url: string;
  name: string;
  /** Drops the database (terminating connections left open). */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_PG_URL} (${(err as Error).message}). ` +
        'Start it with `bash scripts/ensure-services.sh` (or set PENHOLDER_TEST_PG to a server where this user may CREATE DATABASE).',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function freshDatabase(): Promise<FreshDatabase> {
  const name = `penholder_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
