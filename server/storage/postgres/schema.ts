/**
 * The PostgreSQL schema: the same tables and concepts as the SQLite files
 * (server/storage/sqlite*.ts), with PostgreSQL types, as numbered
 * migrations. At start, the ones not yet recorded in schema_migrations run,
 * in order, in one transaction under an advisory lock (several nodes may
 * start at once).
 *
 * To change the schema, append a migration (e.g. `004-revisions` for a new
 * store); never edit one that has shipped.
 */
import { inTransaction, type PgPool } from './pool';

/** Advisory lock keys (first int4) of this application, so they cannot clash with another's. */
export const LOCK_NAMESPACE = {
  schema: 0x5048_0001,
  compaction: 0x5048_0002,
} as const;

export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    id: '001-documents',
    sql: `
    CREATE TABLE IF NOT EXISTS documents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL DEFAULT '',
      symbol TEXT NOT NULL DEFAULT '',
      template TEXT,
      created_at TIMESTAMPTZ NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      -- The allocator of update_log.seq: incremented under the row lock, so
      -- concurrent appends from any number of nodes get 1, 2, 3… in commit order.
      last_seq BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS update_log (
      doc_id TEXT NOT NULL REFERENCES documents(id),
      seq BIGINT NOT NULL,
      update_blob BYTEA NOT NULL,
      connection_id TEXT,
      delegation TEXT,
      person TEXT,
      role TEXT NOT NULL,
      time TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (doc_id, seq)
    );
    CREATE TABLE IF NOT EXISTS snapshots (
      doc_id TEXT PRIMARY KEY REFERENCES documents(id),
      state BYTEA NOT NULL,
      up_to_seq BIGINT NOT NULL,
      time TIMESTAMPTZ NOT NULL
    );`,
  },
  {
    id: '002-participants',
    sql: `
    CREATE TABLE IF NOT EXISTS participants (
      id TEXT PRIMARY KEY,
      doc_id TEXT NOT NULL,
      delegation TEXT NOT NULL,
      person TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      revoked_at TIMESTAMPTZ
    );
    CREATE INDEX IF NOT EXISTS participants_by_doc ON participants (doc_id);
    CREATE TABLE IF NOT EXISTS invitations (
      token_hash TEXT PRIMARY KEY,
      participant_id TEXT NOT NULL REFERENCES participants(id),
      expires_at TIMESTAMPTZ NOT NULL,
      redeemed_at TIMESTAMPTZ
    );
    CREATE TABLE IF NOT EXISTS sessions (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      participant_id TEXT REFERENCES participants(id),
      created_at TIMESTAMPTZ NOT NULL,
      expires_at TIMESTAMPTZ NOT NULL,
      revoked_at TIMESTAMPTZ
    );
    CREATE INDEX IF NOT EXISTS sessions_by_participant ON sessions (participant_id);
    CREATE TABLE IF NOT EXISTS client_ids (
      doc_id TEXT NOT NULL,
      client_id BIGINT NOT NULL,
      delegation TEXT,
      person TEXT,
      role TEXT NOT NULL,
      participant_id TEXT,
      PRIMARY KEY (doc_id, client_id)
    );`,
  },
  {
    id: '003-corpus',
    sql: `
    CREATE TABLE IF NOT EXISTS corpus_documents (
      id TEXT PRIMARY KEY,
      symbol TEXT NOT NULL,
      body TEXT NOT NULL,
      title TEXT NOT NULL,
      kind TEXT NOT NULL,
      date TEXT NOT NULL,
      added_at TIMESTAMPTZ NOT NULL,
      added_by TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS corpus_paragraphs (
      doc_id TEXT NOT NULL REFERENCES corpus_documents(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      label TEXT NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (doc_id, seq)
    );
    CREATE TABLE IF NOT EXISTS settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );`,
  },
  {
    id: '004-revisions',
    sql: `
    CREATE TABLE IF NOT EXISTS revisions (
      doc_id TEXT NOT NULL REFERENCES documents(id),
      number INTEGER NOT NULL,
      symbol TEXT NOT NULL,
      date TEXT NOT NULL,
      sponsors JSONB NOT NULL,
      seq BIGINT NOT NULL,
      state BYTEA NOT NULL,
      text TEXT NOT NULL,
      issued_at TIMESTAMPTZ NOT NULL,
      issued_by_delegation TEXT,
      issued_by_name TEXT,
      issued_by_role TEXT NOT NULL,
      override_reason TEXT,
      overridden_errors JSONB NOT NULL DEFAULT '[]',
      PRIMARY KEY (doc_id, number)
    );`,
  },
];

/** Runs the migrations not yet applied. Safe to run from several nodes at the same time. */
export async function ensureSchema(pool: PgPool): Promise<string[]> {
  return inTransaction(pool, async (client) => {
    // CREATE … IF NOT EXISTS is not safe against a concurrent CREATE of the same table: one node at a time.
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_NAMESPACE.schema]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query('SELECT id FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.id as string));
    const run: string[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      run.push(migration.id);
    }
    return run;
  });
}
