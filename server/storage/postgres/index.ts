/**
 * Opens the PostgreSQL backend: one pool, the schema (migrations), and every
 * store on that pool. To add a store: its module beside
 * these taking the pool, a migration appended in schema.ts, one line here,
 * and the field in ../index.ts's Stores (with its SQLite twin there).
 */
import type { Stores } from '../index';
import { PgCorpusStore } from './corpus';
import { PgDocumentStore } from './documents';
import { PgParticipantStore } from './participants';
import { PgRevisionStore } from './revisions';
import { openPool } from './pool';
import { describeDatabaseUrl } from './url';
import { ensureSchema } from './schema';

export async function openPgStores(databaseUrl: string, options: { onError?: (err: Error) => void; poolSize?: number } = {}): Promise<Stores> {
  const pool = openPool(databaseUrl, { max: options.poolSize, onError: options.onError });
  try {
    await ensureSchema(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`PostgreSQL at ${describeDatabaseUrl(databaseUrl)} is not usable: ${(err as Error).message}`);
  }
  let closing: Promise<void> | null = null;
  return {
    backend: 'postgres',
    documents: new PgDocumentStore(pool),
    participants: new PgParticipantStore(pool),
    corpus: new PgCorpusStore(pool),
    revisions: new PgRevisionStore(pool),
    close: () => (closing ??= pool.end()),
  };
}

