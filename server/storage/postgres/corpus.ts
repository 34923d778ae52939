/**
 * The CorpusStore in PostgreSQL. The revision counter lives in the database,
 * so a node or the CLI changing the corpus is seen by every other node's poll.
 */
import type { CorpusDocument, CorpusKind } from '../../language/corpus';
import type { CorpusEntry, CorpusStore } from '../corpus-store';
import { inTransaction, query, type PgClient, type PgPool } from './pool';

type Row = Record<string, unknown>;

export class PgCorpusStore implements CorpusStore {
  constructor(private readonly pool: PgPool) {}

  async list(): Promise<CorpusEntry[]> {
    // One snapshot for both reads, so documents and paragraphs agree.
    return inTransaction(this.pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const { rows: docs } = await client.query('SELECT * FROM corpus_documents ORDER BY date, id');
      const { rows: paras } = await client.query('SELECT doc_id, label, text FROM corpus_paragraphs ORDER BY doc_id, seq');
      const byDoc = new Map<string, CorpusDocument['paragraphs']>();
      for (const p of paras) {
        const list = byDoc.get(p.doc_id) ?? [];
        list.push({ label: p.label, text: p.text });
        byDoc.set(p.doc_id, list);
      }
      return docs.map((d) => toEntry(d, byDoc.get(d.id as string) ?? []));
    });
  }

  async put(doc: CorpusDocument, addedBy: string): Promise<CorpusEntry> {
    const addedAt = new Date().toISOString();
    await inTransaction(this.pool, async (client) => {
      // An upsert, not delete + insert: two nodes seeding the same documents at once must both succeed
      // (the second waits for the first's row, then replaces it), never fail on the primary key.
      await client.query(
        `INSERT INTO corpus_documents (id, symbol, body, title, kind, date, added_at, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET symbol = excluded.symbol, body = excluded.body, title = excluded.title, kind = excluded.kind,
           date = excluded.date, added_at = excluded.added_at, added_by = excluded.added_by`,
        [doc.id, doc.symbol, doc.body, doc.title, doc.kind, doc.date, addedAt, addedBy],
      );
      // The document row is locked now: replacing its paragraphs cannot interleave with another put.
      await client.query('DELETE FROM corpus_paragraphs WHERE doc_id = $1', [doc.id]);
      if (doc.paragraphs.length) {
        await client.query('INSERT INTO corpus_paragraphs (doc_id, seq, label, text) SELECT $1, ord - 1, label, text FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS p(label, text, ord)', [
          doc.id,
          doc.paragraphs.map((p) => p.label),
          doc.paragraphs.map((p) => p.text),
        ]);
      }
      await bump(client);
    });
    return { ...doc, addedAt, addedBy };
  }

  async remove(id: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query('DELETE FROM corpus_documents WHERE id = $1', [id]);
      if (rowCount) await bump(client);
      return (rowCount ?? 0) > 0;
    });
  }

  async revision(): Promise<number> {
    const { rows } = await query(this.pool, "SELECT value FROM settings WHERE key = 'corpus_revision'");
    return rows[0] ? Number(rows[0].value) : 0;
  }

  async isSeeded(): Promise<boolean> {
    const { rows } = await query(this.pool, "SELECT 1 FROM settings WHERE key = 'corpus_seeded'");
    return rows.length > 0;
  }

  async markSeeded(): Promise<void> {
    await query(this.pool, "INSERT INTO settings (key, value) VALUES ('corpus_seeded', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [
      new Date().toISOString(),
    ]);
  }

  /** The pool belongs to whoever opened the stores (openPgStores). */
  async close(): Promise<void> {}
}

function bump(client: PgClient) {
  return client.query(
    "INSERT INTO settings (key, value) VALUES ('corpus_revision', '1') ON CONFLICT (key) DO UPDATE SET value = (settings.value::bigint + 1)::text",
  );
}

const toEntry = (d: Row, paragraphs: CorpusDocument['paragraphs']): CorpusEntry => ({
  id: d.id as string,
  symbol: d.symbol as string,
  body: d.body as string,
  title: d.title as string,
  kind: d.kind as CorpusKind,
  date: d.date as string,
  paragraphs,
  addedAt: (d.added_at as Date).toISOString(),
  addedBy: d.added_by as string,
});
