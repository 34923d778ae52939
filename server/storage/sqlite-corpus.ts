/**
 * The corpus in the embedded SQLite file (DATA_DIR/penholder.sqlite), on a
 * connection of its own so that the CLI can use it without the server.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CorpusDocument, CorpusKind } from '../language/corpus';
import type { CorpusEntry, CorpusStore } from './corpus-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS corpus_documents (
  id TEXT PRIMARY KEY,
  symbol TEXT NOT NULL,
  body TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  added_at TEXT NOT NULL,
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
);
`;

interface DocRow {
  id: string;
  symbol: string;
  body: string;
  title: string;
  kind: string;
  date: string;
  added_at: string;
  added_by: string;
}

export class SqliteCorpusStore implements CorpusStore {
  private db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'penholder.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  async list(): Promise<CorpusEntry[]> {
    const docs = this.db.prepare('SELECT * FROM corpus_documents ORDER BY date, id').all() as DocRow[];
    const paras = this.db.prepare('SELECT doc_id, label, text FROM corpus_paragraphs ORDER BY doc_id, seq').all() as Array<{ doc_id: string; label: string; text: string }>;
    const byDoc = new Map<string, CorpusDocument['paragraphs']>();
    for (const p of paras) {
      const list = byDoc.get(p.doc_id) ?? [];
      list.push({ label: p.label, text: p.text });
      byDoc.set(p.doc_id, list);
    }
    return docs.map((d) => toEntry(d, byDoc.get(d.id) ?? []));
  }

  async put(doc: CorpusDocument, addedBy: string): Promise<CorpusEntry> {
    const addedAt = new Date().toISOString();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM corpus_documents WHERE id = ?').run(doc.id);
      this.db
        .prepare('INSERT INTO corpus_documents (id, symbol, body, title, kind, date, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(doc.id, doc.symbol, doc.body, doc.title, doc.kind, doc.date, addedAt, addedBy);
      const insert = this.db.prepare('INSERT INTO corpus_paragraphs (doc_id, seq, label, text) VALUES (?, ?, ?, ?)');
      doc.paragraphs.forEach((p, i) => insert.run(doc.id, i, p.label, p.text));
      this.bump();
    })();
    return { ...doc, addedAt, addedBy };
  }

  async remove(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      const { changes } = this.db.prepare('DELETE FROM corpus_documents WHERE id = ?').run(id);
      if (changes) this.bump();
      return changes > 0;
    })();
  }

  async revision(): Promise<number> {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'corpus_revision'").get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  async isSeeded(): Promise<boolean> {
    return !!this.db.prepare("SELECT 1 FROM settings WHERE key = 'corpus_seeded'").get();
  }

  async markSeeded(): Promise<void> {
    this.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('corpus_seeded', ?)").run(new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private bump(): void {
    this.db
      .prepare("INSERT INTO settings (key, value) VALUES ('corpus_revision', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
      .run();
  }
}

const toEntry = (d: DocRow, paragraphs: CorpusDocument['paragraphs']): CorpusEntry => ({
  id: d.id,
  symbol: d.symbol,
  body: d.body,
  title: d.title,
  kind: d.kind as CorpusKind,
  date: d.date,
  paragraphs,
  addedAt: d.added_at,
  addedBy: d.added_by,
});
