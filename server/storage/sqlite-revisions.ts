/**
 * The embedded RevisionStore: a table in the same SQLite file as the
 * documents, on its own connection. Rows are only ever inserted.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { RevisionConflict, type Revision, type RevisionStore, type RevisionSummary } from './revision-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS revisions (
  doc_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  symbol TEXT NOT NULL,
  date TEXT NOT NULL,
  sponsors TEXT NOT NULL,
  seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  text TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by_delegation TEXT,
  issued_by_name TEXT,
  issued_by_role TEXT NOT NULL,
  override_reason TEXT,
  overridden_errors TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (doc_id, number)
);
`;

type Row = Record<string, unknown>;

const toSummary = (r: Row): RevisionSummary => ({
  documentId: r.doc_id as string,
  number: r.number as number,
  symbol: r.symbol as string,
  date: r.date as string,
  sponsors: JSON.parse(r.sponsors as string) as string[],
  seq: r.seq as number,
  text: r.text as string,
  issuedAt: r.issued_at as string,
  issuedBy: { delegation: (r.issued_by_delegation as string | null) ?? null, name: (r.issued_by_name as string | null) ?? null, role: r.issued_by_role as string },
  overrideReason: (r.override_reason as string | null) ?? null,
  overriddenErrors: JSON.parse(r.overridden_errors as string) as string[],
});

export class SqliteRevisionStore implements RevisionStore {
  private db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'penholder.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  async add(r: Revision): Promise<void> {
    try {
      this.db
        .prepare(
          `INSERT INTO revisions (doc_id, number, symbol, date, sponsors, seq, state, text, issued_at, issued_by_delegation, issued_by_name, issued_by_role, override_reason, overridden_errors)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(r.documentId, r.number, r.symbol, r.date, JSON.stringify(r.sponsors), r.seq, Buffer.from(r.state), r.text, r.issuedAt, r.issuedBy.delegation, r.issuedBy.name, r.issuedBy.role, r.overrideReason, JSON.stringify(r.overriddenErrors));
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new RevisionConflict(`revision ${r.number} of ${r.documentId} already exists`);
      throw err;
    }
  }

  async list(documentId: string): Promise<RevisionSummary[]> {
    return (this.db.prepare('SELECT * FROM revisions WHERE doc_id = ? ORDER BY number').all(documentId) as Row[]).map(toSummary);
  }

  async get(documentId: string, number: number): Promise<Revision | null> {
    const row = this.db.prepare('SELECT * FROM revisions WHERE doc_id = ? AND number = ?').get(documentId, number) as Row | undefined;
    return row ? { ...toSummary(row), state: new Uint8Array(row.state as Buffer) } : null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
