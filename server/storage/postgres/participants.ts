/**
 * The ParticipantStore in PostgreSQL: participants, single-use invitations,
 * sessions and Yjs client-id claims, shared by every node.
 */
import type { ParticipantRole } from '../../../shared/auth/roles';
import type { ClientAuthor, Invitation, Participant, ParticipantStore, Session } from '../participant-store';
import { inTransaction, query, type PgPool } from './pool';

type Row = Record<string, unknown>;

const isoOrNull = (value: unknown): string | null => (value ? (value as Date).toISOString() : null);

const toParticipant = (r: Row): Participant => ({
  id: r.id as string,
  documentId: r.doc_id as string,
  delegation: r.delegation as string,
  name: r.person as string,
  role: r.role as ParticipantRole,
  createdAt: (r.created_at as Date).toISOString(),
  revokedAt: isoOrNull(r.revoked_at),
});

const toSession = (r: Row): Session => ({
  id: r.id as string,
  tokenHash: r.token_hash as string,
  participantId: (r.participant_id as string | null) ?? null,
  createdAt: (r.created_at as Date).toISOString(),
  expiresAt: (r.expires_at as Date).toISOString(),
  revokedAt: isoOrNull(r.revoked_at),
});

export class PgParticipantStore implements ParticipantStore {
  constructor(private readonly pool: PgPool) {}

  async addParticipant(p: Omit<Participant, 'createdAt' | 'revokedAt'>, invitation: Omit<Invitation, 'participantId' | 'redeemedAt'>): Promise<Participant> {
    const now = new Date().toISOString();
    await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO participants (id, doc_id, delegation, person, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        p.id,
        p.documentId,
        p.delegation,
        p.name,
        p.role,
        now,
      ]);
      await client.query('INSERT INTO invitations (token_hash, participant_id, expires_at) VALUES ($1, $2, $3)', [invitation.tokenHash, p.id, invitation.expiresAt]);
    });
    return { ...p, createdAt: now, revokedAt: null };
  }

  async participant(id: string): Promise<Participant | null> {
    const { rows } = await query(this.pool, 'SELECT * FROM participants WHERE id = $1', [id]);
    return rows[0] ? toParticipant(rows[0]) : null;
  }

  async participants(documentId: string): Promise<Participant[]> {
    const { rows } = await query(this.pool, 'SELECT * FROM participants WHERE doc_id = $1 ORDER BY created_at, id', [documentId]);
    return rows.map(toParticipant);
  }

  async revokeParticipant(id: string): Promise<void> {
    const now = new Date().toISOString();
    await inTransaction(this.pool, async (client) => {
      await client.query('UPDATE participants SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, id]);
      await client.query('UPDATE sessions SET revoked_at = $1 WHERE participant_id = $2 AND revoked_at IS NULL', [now, id]);
    });
  }

  async redeemInvitation(tokenHash: string, session: Omit<Session, 'participantId' | 'createdAt' | 'revokedAt'>, now: string): Promise<Session | null> {
    return inTransaction(this.pool, async (client) => {
      // FOR UPDATE: a concurrent redemption of the same token (on any node) waits, then sees it redeemed.
      const { rows: invs } = await client.query(
        `SELECT i.participant_id, i.expires_at, i.redeemed_at, p.revoked_at
           FROM invitations i JOIN participants p ON p.id = i.participant_id
          WHERE i.token_hash = $1 FOR UPDATE OF i`,
        [tokenHash],
      );
      const inv = invs[0];
      if (!inv || inv.redeemed_at || inv.revoked_at || (inv.expires_at as Date).getTime() <= Date.parse(now)) return null;
      await client.query('UPDATE invitations SET redeemed_at = $1 WHERE token_hash = $2', [now, tokenHash]);
      const { rows } = await client.query(
        'INSERT INTO sessions (id, token_hash, participant_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING *',
        [session.id, session.tokenHash, inv.participant_id, now, session.expiresAt],
      );
      return toSession(rows[0]);
    });
  }

  async addSession(session: Omit<Session, 'createdAt' | 'revokedAt'>): Promise<Session> {
    const now = new Date().toISOString();
    await query(this.pool, 'INSERT INTO sessions (id, token_hash, participant_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      session.id,
      session.tokenHash,
      session.participantId,
      now,
      session.expiresAt,
    ]);
    return { ...session, createdAt: now, revokedAt: null };
  }

  async sessionByHash(tokenHash: string): Promise<Session | null> {
    const { rows } = await query(this.pool, 'SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async revokeSession(id: string): Promise<void> {
    await query(this.pool, 'UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [new Date().toISOString(), id]);
  }

  async clientAuthors(documentId: string): Promise<ClientAuthor[]> {
    const { rows } = await query(this.pool, 'SELECT * FROM client_ids WHERE doc_id = $1 ORDER BY client_id', [documentId]);
    return rows.map((r) => ({
      clientId: r.client_id as number,
      delegation: (r.delegation as string | null) ?? null,
      name: (r.person as string | null) ?? null,
      role: r.role as string,
      participantId: (r.participant_id as string | null) ?? null,
    }));
  }

  async claimClientIds(documentId: string, authors: ClientAuthor[]): Promise<void> {
    if (!authors.length) return;
    // One statement for all ids; ON CONFLICT DO NOTHING: the first writer (on any node) keeps the id.
    await query(this.pool, 
      `INSERT INTO client_ids (doc_id, client_id, delegation, person, role, participant_id)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (doc_id, client_id) DO NOTHING`,
      [
        documentId,
        authors.map((a) => a.clientId),
        authors.map((a) => a.delegation),
        authors.map((a) => a.name),
        authors.map((a) => a.role),
        authors.map((a) => a.participantId),
      ],
    );
  }

  /** The pool belongs to whoever opened the stores (openPgStores). */
  async close(): Promise<void> {}
}
