/**
 * The RevisionStore in PostgreSQL. Rows are only ever inserted: an issued
 * revision is immutable. The primary key refuses a second revision with the
 * same number, whichever node issues it.
 */
import { RevisionConflict, type Revision, type RevisionStore, type RevisionSummary } from '../revision-store';
import { query, type PgPool } from './pool';

type Row = Record<string, unknown>;

const SUMMARY_COLUMNS = 'doc_id, number, symbol, date, sponsors, seq, text, issued_at, issued_by_delegation, issued_by_name, issued_by_role, override_reason, overridden_errors';

const toSummary = (r: Row): RevisionSummary => ({
  documentId: r.doc_id as string,
  number: r.number as number,
  symbol: r.symbol as string,
  date: r.date as string,
  sponsors: r.sponsors as string[],
  seq: Number(r.seq),
  text: r.text as string,
  issuedAt: (r.issued_at as Date).toISOString(),
  issuedBy: { delegation: (r.issued_by_delegation as string | null) ?? null, name: (r.issued_by_name as string | null) ?? null, role: r.issued_by_role as string },
  overrideReason: (r.override_reason as string | null) ?? null,
  overriddenErrors: r.overridden_errors as string[],
});

export class PgRevisionStore implements RevisionStore {
  constructor(private readonly pool: PgPool) {}

  async add(r: Revision): Promise<void> {
    try {
      await query(
        this.pool,
        `INSERT INTO revisions (doc_id, number, symbol, date, sponsors, seq, state, text, issued_at, issued_by_delegation, issued_by_name, issued_by_role, override_reason, overridden_errors)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [r.documentId, r.number, r.symbol, r.date, JSON.stringify(r.sponsors), r.seq, Buffer.from(r.state), r.text, r.issuedAt, r.issuedBy.delegation, r.issuedBy.name, r.issuedBy.role, r.overrideReason, JSON.stringify(r.overriddenErrors)],
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new RevisionConflict(`revision ${r.number} of ${r.documentId} already exists`);
      throw err;
    }
  }

  async list(documentId: string): Promise<RevisionSummary[]> {
    const { rows } = await query(this.pool, `SELECT ${SUMMARY_COLUMNS} FROM revisions WHERE doc_id = $1 ORDER BY number`, [documentId]);
    return rows.map(toSummary);
  }

  async get(documentId: string, number: number): Promise<Revision | null> {
    const { rows } = await query(this.pool, 'SELECT * FROM revisions WHERE doc_id = $1 AND number = $2', [documentId, number]);
    return rows[0] ? { ...toSummary(rows[0]), state: new Uint8Array(rows[0].state as Buffer) } : null;
  }

  async close(): Promise<void> {
    // The pool is the backend's (postgres/index.ts closes it).
  }
}
