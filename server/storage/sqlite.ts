/**
 * The embedded default store: one SQLite file (WAL), written synchronously
 * by better-sqlite3, so an update is on disk before the pipeline broadcasts it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppendEntry, Attribution, DocumentMeta, DocumentStore, LoadedDocument, StoredUpdate } from './document-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  symbol TEXT NOT NULL DEFAULT '',
  template TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS update_log (
  doc_id TEXT NOT NULL REFERENCES documents(id),
  seq INTEGER NOT NULL,
  update_blob BLOB NOT NULL,
  connection_id TEXT,
  delegation TEXT,
  person TEXT,
  role TEXT NOT NULL,
  time TEXT NOT NULL,
  PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS snapshots (
  doc_id TEXT PRIMARY KEY REFERENCES documents(id),
  state BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL,
  time TEXT NOT NULL
);
`;

interface MetaRow {
  id: string;
  title: string;
  symbol: string;
  template: string | null;
  created_at: string;
  updated_at: string;
}

const toMeta = (r: MetaRow): DocumentMeta => ({
  id: r.id,
  title: r.title,
  symbol: r.symbol,
  template: r.template,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Compaction locks held in this process, by database file and document. */
const compactionLocks = new Set<string>();

export class SqliteDocumentStore implements DocumentStore {
  /** One process owns the file. */
  readonly sharedLog = false;
  readonly file: string;
  private db: Database.Database;
  private stmt;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'penholder.sqlite');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (SIGKILL); only an OS crash can lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.stmt = {
      insertDoc: this.db.prepare('INSERT INTO documents (id, title, symbol, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      getDoc: this.db.prepare('SELECT * FROM documents WHERE id = ?'),
      listDocs: this.db.prepare('SELECT * FROM documents ORDER BY updated_at DESC'),
      lastSeq: this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM update_log WHERE doc_id = ?'),
      insertUpdate: this.db.prepare(
        'INSERT INTO update_log (doc_id, seq, update_blob, connection_id, delegation, person, role, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      touch: this.db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?'),
      getSnapshot: this.db.prepare('SELECT state, up_to_seq FROM snapshots WHERE doc_id = ?'),
      updatesAfter: this.db.prepare('SELECT update_blob FROM update_log WHERE doc_id = ? AND seq > ? ORDER BY seq'),
      upsertSnapshot: this.db.prepare(
        // Never backwards: only a snapshot covering more of the log replaces the stored one.
        'INSERT INTO snapshots (doc_id, state, up_to_seq, time) VALUES (?, ?, ?, ?) ON CONFLICT(doc_id) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq, time = excluded.time WHERE snapshots.up_to_seq < excluded.up_to_seq',
      ),
      setMeta: this.db.prepare('UPDATE documents SET title = ?, symbol = ? WHERE id = ?'),
      history: this.db.prepare('SELECT * FROM update_log WHERE doc_id = ? AND seq > ? ORDER BY seq'),
    };
  }

  async create(meta: Omit<DocumentMeta, 'createdAt' | 'updatedAt'>, initialState: Uint8Array, attribution: Attribution): Promise<DocumentMeta> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.stmt.insertDoc.run(meta.id, meta.title, meta.symbol, meta.template, now, now);
      this.insert(meta.id, 1, initialState, attribution, now);
      this.stmt.upsertSnapshot.run(meta.id, Buffer.from(initialState), 1, now);
    })();
    return { ...meta, createdAt: now, updatedAt: now };
  }

  async get(id: string): Promise<DocumentMeta | null> {
    const row = this.stmt.getDoc.get(id) as MetaRow | undefined;
    return row ? toMeta(row) : null;
  }

  async list(): Promise<DocumentMeta[]> {
    return (this.stmt.listDocs.all() as MetaRow[]).map(toMeta);
  }

  async appendUpdate(id: string, update: Uint8Array, attribution: Attribution): Promise<number> {
    return (await this.appendUpdates(id, [{ update, attribution }]))[0];
  }

  async appendUpdates(id: string, entries: readonly AppendEntry[]): Promise<number[]> {
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      if (!this.stmt.getDoc.get(id)) throw new Error(`appendUpdates: no document ${id}`);
      const last = (this.stmt.lastSeq.get(id) as { seq: number }).seq;
      const seqs = entries.map(({ update, attribution }, i) => {
        this.insert(id, last + 1 + i, update, attribution, now);
        return last + 1 + i;
      });
      this.stmt.touch.run(now, id);
      return seqs;
    })();
  }

  async load(id: string): Promise<LoadedDocument | null> {
    if (!this.stmt.getDoc.get(id)) return null;
    const snap = this.stmt.getSnapshot.get(id) as { state: Buffer; up_to_seq: number } | undefined;
    const after = snap?.up_to_seq ?? 0;
    const updates = (this.stmt.updatesAfter.all(id, after) as { update_blob: Buffer }[]).map((r) => new Uint8Array(r.update_blob));
    const lastSeq = (this.stmt.lastSeq.get(id) as { seq: number }).seq;
    return { snapshot: snap ? new Uint8Array(snap.state) : null, updates, lastSeq };
  }

  async saveSnapshot(id: string, state: Uint8Array, upToSeq: number, meta: { title: string; symbol: string }): Promise<void> {
    this.db.transaction(() => {
      if (this.stmt.upsertSnapshot.run(id, Buffer.from(state), upToSeq, new Date().toISOString()).changes) this.stmt.setMeta.run(meta.title, meta.symbol, id);
    })();
  }

  async history(id: string, sinceSeq = 0): Promise<StoredUpdate[]> {
    return (this.stmt.history.all(id, sinceSeq) as Array<Record<string, unknown>>).map((r) => ({
      seq: r.seq as number,
      update: new Uint8Array(r.update_blob as Buffer),
      attribution: {
        connectionId: (r.connection_id as string) ?? null,
        delegation: (r.delegation as string) ?? null,
        name: (r.person as string) ?? null,
        role: r.role as string,
      },
      time: r.time as string,
    }));
  }

  /**
   * SQLite is the single-process mode: the lock only excludes other holders
   * in this process (another store object on the same file, an overlapping call).
   */
  async withCompactionLock<T>(id: string, fn: () => Promise<T>): Promise<T | null> {
    const key = `${this.file}\0${id}`;
    if (compactionLocks.has(key)) return null;
    compactionLocks.add(key);
    try {
      return await fn();
    } finally {
      compactionLocks.delete(key);
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private insert(id: string, seq: number, update: Uint8Array, a: Attribution, time: string) {
    this.stmt.insertUpdate.run(id, seq, Buffer.from(update), a.connectionId, a.delegation, a.name, a.role, time);
  }
}
