/**
 * Backend selection, in one place: SQLite in DATA_DIR (the embedded
 * default), or PostgreSQL when a DATABASE_URL is given (several nodes may
 * share it). Everything above this sees only the store interfaces.
 */
import type { CorpusStore } from './corpus-store';
import type { DocumentStore } from './document-store';
import type { ParticipantStore } from './participant-store';
import type { RevisionStore } from './revision-store';
import { SqliteCorpusStore } from './sqlite-corpus';
import { SqliteDocumentStore } from './sqlite';
import { SqliteParticipantStore } from './sqlite-participants';
import { SqliteRevisionStore } from './sqlite-revisions';
import { describeDatabaseUrl, isPostgresUrl } from './postgres/url';

export interface StorageOptions {
  /** Where penholder.sqlite lives (SQLite backend). */
  dataDir: string;
  /** postgres://… : use PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** Told about background connection errors (PostgreSQL restarted, network). */
  onError?: (err: Error) => void;
}

export interface Stores {
  backend: 'sqlite' | 'postgres';
  documents: DocumentStore;
  participants: ParticipantStore;
  corpus: CorpusStore;
  revisions: RevisionStore;
  /** Closes every store and the connections behind them. */
  close(): Promise<void>;
}

export async function openStores(options: StorageOptions): Promise<Stores> {
  if (options.databaseUrl) {
    if (!isPostgresUrl(options.databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
    // Loaded only when asked for, so the embedded mode never touches the pg driver.
    const { openPgStores } = await import('./postgres/index');
    return openPgStores(options.databaseUrl, { onError: options.onError });
  }
  const documents = new SqliteDocumentStore(options.dataDir);
  const participants = new SqliteParticipantStore(options.dataDir);
  const corpus = new SqliteCorpusStore(options.dataDir);
  const revisions = new SqliteRevisionStore(options.dataDir);
  let closing: Promise<void> | null = null;
  return {
    backend: 'sqlite',
    documents,
    participants,
    corpus,
    revisions,
    close: () => (closing ??= (async () => {
      await documents.close();
      await participants.close();
      await corpus.close();
      await revisions.close();
    })()),
  };
}

/** Where the stores are, for logs and CLI output (no password). */
export const describeStorage = (options: StorageOptions): string => (options.databaseUrl ? describeDatabaseUrl(options.databaseUrl) : options.dataDir);
