/**
 * Where documents live. Async so that a PostgreSQL implementation can sit
 * behind the same interface; the SQLite one is the embedded default.
 *
 * A document is its metadata, an append-only update log (every accepted
 * update, with who sent it) and snapshots. Loading = latest snapshot + the
 * updates after it. Compaction writes a new snapshot; the log rows stay as
 * the document's history (attribution must never be lost).
 */

export interface DocumentMeta {
  id: string;
  title: string;
  symbol: string;
  template: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Who an update came from: recorded with every update in the log. */
export interface Attribution {
  connectionId: string | null;
  delegation: string | null;
  name: string | null;
  role: string;
}

export interface AppendEntry {
  update: Uint8Array;
  attribution: Attribution;
}

export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
  attribution: Attribution;
  time: string;
}

export interface LoadedDocument {
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, in order. */
  updates: Uint8Array[];
  lastSeq: number;
}

export interface DocumentStore {
  /**
   * Whether other processes (nodes) may append to the same logs. When true,
   * a node's copy of a document may lack another node's latest updates, so
   * snapshots are built from the stored log (see DocumentRegistry.compact).
   */
  readonly sharedLog: boolean;
  /** Creates a document with its initial state (logged and snapshotted). */
  create(meta: Omit<DocumentMeta, 'createdAt' | 'updatedAt'>, initialState: Uint8Array, attribution: Attribution): Promise<DocumentMeta>;
  get(id: string): Promise<DocumentMeta | null>;
  list(): Promise<DocumentMeta[]>;
  /** Appends an accepted update; resolves once it is durable. Returns its sequence number. */
  appendUpdate(id: string, update: Uint8Array, attribution: Attribution): Promise<number>;
  /**
   * Appends several accepted updates in order, in one transaction (all or
   * none); resolves once they are durable. Returns their sequence numbers,
   * consecutive. The pipeline's group commit (server/collab/append-batch.ts).
   */
  appendUpdates(id: string, entries: readonly AppendEntry[]): Promise<number[]>;
  load(id: string): Promise<LoadedDocument | null>;
  /**
   * Stores a snapshot of the full state covering the log up to `upToSeq`.
   * Never moves backwards: a snapshot with an `upToSeq` not larger than the
   * stored one is ignored (another node may have compacted further meanwhile).
   */
  saveSnapshot(id: string, state: Uint8Array, upToSeq: number, meta: { title: string; symbol: string }): Promise<void>;
  /** The update log (history) after `sinceSeq`, oldest first: also how a node catches up. */
  history(id: string, sinceSeq?: number): Promise<StoredUpdate[]>;
  /**
   * Runs `fn` while holding the document's compaction lock; null, without
   * running it, when another holder (another node) has it. Compaction of a
   * document is done by one holder at a time.
   */
  withCompactionLock<T>(id: string, fn: () => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
}
