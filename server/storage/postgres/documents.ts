/**
 * The DocumentStore in PostgreSQL: the same update log, snapshots and
 * metadata as the SQLite store, written by any number of nodes at once.
 *
 * Sequence numbers: appendUpdate(s) increments documents.last_seq and inserts
 * the log rows in ONE statement. The UPDATE holds the document's row lock
 * until commit, so concurrent appends (from any process) are serialized per
 * document: seqs are 1, 2, 3… without gaps or duplicates, and they commit in
 * seq order (a reader that sees seq N sees every seq below it).
 * Durable before it resolves: the statement commits (synchronous_commit on).
 */
import type { AppendEntry, Attribution, DocumentMeta, DocumentStore, LoadedDocument, StoredUpdate } from '../document-store';
import { LOCK_NAMESPACE } from './schema';
import { inTransaction, query, retrying, type PgPool } from './pool';

type Row = Record<string, unknown>;

const iso = (value: unknown): string => (value as Date).toISOString();

const toMeta = (r: Row): DocumentMeta => ({
  id: r.id as string,
  title: r.title as string,
  symbol: r.symbol as string,
  template: (r.template as string | null) ?? null,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const META_COLUMNS = 'id, title, symbol, template, created_at, updated_at';

const APPEND = `
  WITH next AS (
    UPDATE documents SET last_seq = last_seq + 1, updated_at = $2 WHERE id = $1 RETURNING last_seq
  )
  INSERT INTO update_log (doc_id, seq, update_blob, connection_id, delegation, person, role, time)
  SELECT $1, last_seq, $3, $4, $5, $6, $7, $2 FROM next
  RETURNING seq`;

// Several updates in one statement (group commit): seqs last_seq+1 … last_seq+n in the entries' order.
const APPEND_MANY = `
  WITH next AS (
    UPDATE documents SET last_seq = last_seq + $3, updated_at = $2 WHERE id = $1 RETURNING last_seq
  )
  INSERT INTO update_log (doc_id, seq, update_blob, connection_id, delegation, person, role, time)
  SELECT $1, next.last_seq - $3 + u.ord, u.blob, u.conn, u.del, u.person, u.role, $2
  FROM next, unnest($4::bytea[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS u(blob, conn, del, person, role, ord)
  RETURNING seq`;

// Only a larger up_to_seq replaces the stored snapshot; the title and symbol follow the snapshot.
const SAVE_SNAPSHOT = `
  WITH saved AS (
    INSERT INTO snapshots (doc_id, state, up_to_seq, time) VALUES ($1, $2, $3, $4)
    ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq, time = excluded.time
      WHERE snapshots.up_to_seq < excluded.up_to_seq
    RETURNING doc_id
  )
  UPDATE documents SET title = $5, symbol = $6 WHERE id IN (SELECT doc_id FROM saved)`;

export class PgDocumentStore implements DocumentStore {
  /** Any number of nodes may write to the same database. */
  readonly sharedLog = true;

  constructor(private readonly pool: PgPool) {}

  async create(meta: Omit<DocumentMeta, 'createdAt' | 'updatedAt'>, initialState: Uint8Array, attribution: Attribution): Promise<DocumentMeta> {
    const now = new Date().toISOString();
    await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO documents (id, title, symbol, template, created_at, updated_at, last_seq) VALUES ($1, $2, $3, $4, $5, $5, 1)', [
        meta.id,
        meta.title,
        meta.symbol,
        meta.template,
        now,
      ]);
      await client.query(
        'INSERT INTO update_log (doc_id, seq, update_blob, connection_id, delegation, person, role, time) VALUES ($1, 1, $2, $3, $4, $5, $6, $7)',
        [meta.id, Buffer.from(initialState), attribution.connectionId, attribution.delegation, attribution.name, attribution.role, now],
      );
      await client.query('INSERT INTO snapshots (doc_id, state, up_to_seq, time) VALUES ($1, $2, 1, $3)', [meta.id, Buffer.from(initialState), now]);
    });
    return { ...meta, createdAt: now, updatedAt: now };
  }

  async get(id: string): Promise<DocumentMeta | null> {
    const { rows } = await query(this.pool, `SELECT ${META_COLUMNS} FROM documents WHERE id = $1`, [id]);
    return rows[0] ? toMeta(rows[0]) : null;
  }

  async list(): Promise<DocumentMeta[]> {
    const { rows } = await query(this.pool, `SELECT ${META_COLUMNS} FROM documents ORDER BY updated_at DESC`);
    return rows.map(toMeta);
  }

  async appendUpdate(id: string, update: Uint8Array, a: Attribution): Promise<number> {
    const { rows } = await query(this.pool, APPEND, [id, new Date().toISOString(), Buffer.from(update), a.connectionId, a.delegation, a.name, a.role]);
    if (!rows[0]) throw new Error(`appendUpdate: no document ${id}`);
    return rows[0].seq as number;
  }

  async appendUpdates(id: string, entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 1) return [await this.appendUpdate(id, entries[0].update, entries[0].attribution)];
    const column = <T>(pick: (e: AppendEntry) => T) => entries.map(pick);
    const { rows } = await query(this.pool, APPEND_MANY, [
      id,
      new Date().toISOString(),
      entries.length,
      column((e) => Buffer.from(e.update)),
      column((e) => e.attribution.connectionId),
      column((e) => e.attribution.delegation),
      column((e) => e.attribution.name),
      column((e) => e.attribution.role),
    ]);
    if (rows.length !== entries.length) throw new Error(`appendUpdates: no document ${id}`);
    return rows.map((r) => r.seq as number).sort((a, b) => a - b);
  }

  async load(id: string): Promise<LoadedDocument | null> {
    const { rows: docs } = await query(this.pool, 'SELECT 1 FROM documents WHERE id = $1', [id]);
    if (!docs[0]) return null;
    const { rows: snaps } = await query(this.pool, 'SELECT state, up_to_seq FROM snapshots WHERE doc_id = $1', [id]);
    const snapshot = snaps[0] as { state: Buffer; up_to_seq: number } | undefined;
    const after = snapshot?.up_to_seq ?? 0;
    // Read after the snapshot: updates are never deleted, so snapshot + these cover the log up to the last one read.
    const { rows } = await query(this.pool, 'SELECT seq, update_blob FROM update_log WHERE doc_id = $1 AND seq > $2 ORDER BY seq', [id, after]);
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: rows.map((r) => new Uint8Array(r.update_blob as Buffer)),
      lastSeq: rows.length ? (rows[rows.length - 1].seq as number) : after,
    };
  }

  async saveSnapshot(id: string, state: Uint8Array, upToSeq: number, meta: { title: string; symbol: string }): Promise<void> {
    await query(this.pool, SAVE_SNAPSHOT, [id, Buffer.from(state), upToSeq, new Date().toISOString(), meta.title, meta.symbol]);
  }

  async history(id: string, sinceSeq = 0): Promise<StoredUpdate[]> {
    // The primary key (doc_id, seq) serves this range scan.
    const { rows } = await query(this.pool, 
      'SELECT seq, update_blob, connection_id, delegation, person, role, time FROM update_log WHERE doc_id = $1 AND seq > $2 ORDER BY seq',
      [id, sinceSeq],
    );
    return rows.map((r) => ({
      seq: r.seq as number,
      update: new Uint8Array(r.update_blob as Buffer),
      attribution: {
        connectionId: (r.connection_id as string | null) ?? null,
        delegation: (r.delegation as string | null) ?? null,
        name: (r.person as string | null) ?? null,
        role: r.role as string,
      },
      time: iso(r.time),
    }));
  }

  /**
   * A session-level advisory lock on a connection of its own, held while `fn`
   * runs. If the node dies, PostgreSQL drops its connection and the lock with it.
   */
  async withCompactionLock<T>(id: string, fn: () => Promise<T>): Promise<T | null> {
    const { client, locked } = await retrying(async () => {
      const c = await this.pool.connect();
      try {
        const { rows } = await c.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [LOCK_NAMESPACE.compaction, id]);
        return { client: c, locked: rows[0].locked === true };
      } catch (err) {
        c.release(err as Error);
        throw err;
      }
    });
    let broken: Error | undefined;
    try {
      if (!locked) return null;
      return await fn();
    } finally {
      if (locked) {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE.compaction, id]).catch((err: Error) => {
          broken = err;
        });
      }
      // A connection that could not unlock is destroyed rather than pooled: closing it frees the lock.
      client.release(broken);
    }
  }

  /** The pool belongs to whoever opened the stores (openPgStores). */
  async close(): Promise<void> {}
}
