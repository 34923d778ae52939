/**
 * The embedded ParticipantStore: tables in the same SQLite file as the
 * documents (its own connection; better-sqlite3 is synchronous, so writes
 * never interleave within the process).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ParticipantRole } from '../../shared/auth/roles';
import type { ClientAuthor, Invitation, Participant, ParticipantStore, Session } from './participant-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL,
  delegation TEXT NOT NULL,
  person TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS participants_by_doc ON participants (doc_id);
CREATE TABLE IF NOT EXISTS invitations (
  token_hash TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants(id),
  expires_at TEXT NOT NULL,
  redeemed_at TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  participant_id TEXT REFERENCES participants(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS client_ids (
  doc_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  delegation TEXT,
  person TEXT,
  role TEXT NOT NULL,
  participant_id TEXT,
  PRIMARY KEY (doc_id, client_id)
);
`;

type Row = Record<string, unknown>;

const toParticipant = (r: Row): Participant => ({
  id: r.id as string,
  documentId: r.doc_id as string,
  delegation: r.delegation as string,
  name: r.person as string,
  role: r.role as ParticipantRole,
  createdAt: r.created_at as string,
  revokedAt: (r.revoked_at as string | null) ?? null,
});

const toSession = (r: Row): Session => ({
  id: r.id as string,
  tokenHash: r.token_hash as string,
  participantId: (r.participant_id as string | null) ?? null,
  createdAt: r.created_at as string,
  expiresAt: r.expires_at as string,
  revokedAt: (r.revoked_at as string | null) ?? null,
});

export class SqliteParticipantStore implements ParticipantStore {
  private db: Database.Database;
  private stmt;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'penholder.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.stmt = {
      insertParticipant: this.db.prepare('INSERT INTO participants (id, doc_id, delegation, person, role, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      insertInvitation: this.db.prepare('INSERT INTO invitations (token_hash, participant_id, expires_at) VALUES (?, ?, ?)'),
      participant: this.db.prepare('SELECT * FROM participants WHERE id = ?'),
      participants: this.db.prepare('SELECT * FROM participants WHERE doc_id = ? ORDER BY created_at, id'),
      revokeParticipant: this.db.prepare('UPDATE participants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      revokeSessionsOf: this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE participant_id = ? AND revoked_at IS NULL'),
      invitation: this.db.prepare('SELECT * FROM invitations WHERE token_hash = ?'),
      redeem: this.db.prepare('UPDATE invitations SET redeemed_at = ? WHERE token_hash = ? AND redeemed_at IS NULL'),
      insertSession: this.db.prepare('INSERT INTO sessions (id, token_hash, participant_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      sessionByHash: this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?'),
      revokeSession: this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      clientAuthors: this.db.prepare('SELECT * FROM client_ids WHERE doc_id = ? ORDER BY client_id'),
      claim: this.db.prepare('INSERT OR IGNORE INTO client_ids (doc_id, client_id, delegation, person, role, participant_id) VALUES (?, ?, ?, ?, ?, ?)'),
    };
  }

  async addParticipant(p: Omit<Participant, 'createdAt' | 'revokedAt'>, invitation: Omit<Invitation, 'participantId' | 'redeemedAt'>): Promise<Participant> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.stmt.insertParticipant.run(p.id, p.documentId, p.delegation, p.name, p.role, now);
      this.stmt.insertInvitation.run(invitation.tokenHash, p.id, invitation.expiresAt);
    })();
    return { ...p, createdAt: now, revokedAt: null };
  }

  async participant(id: string): Promise<Participant | null> {
    const row = this.stmt.participant.get(id) as Row | undefined;
    return row ? toParticipant(row) : null;
  }

  async participants(documentId: string): Promise<Participant[]> {
    return (this.stmt.participants.all(documentId) as Row[]).map(toParticipant);
  }

  async revokeParticipant(id: string): Promise<void> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.stmt.revokeParticipant.run(now, id);
      this.stmt.revokeSessionsOf.run(now, id);
    })();
  }

  async redeemInvitation(tokenHash: string, session: Omit<Session, 'participantId' | 'createdAt' | 'revokedAt'>, now: string): Promise<Session | null> {
    return this.db.transaction(() => {
      const inv = this.stmt.invitation.get(tokenHash) as Row | undefined;
      if (!inv || inv.redeemed_at || Date.parse(inv.expires_at as string) <= Date.parse(now)) return null;
      const participant = this.stmt.participant.get(inv.participant_id) as Row | undefined;
      if (!participant || participant.revoked_at) return null;
      // The WHERE redeemed_at IS NULL makes a concurrent second redemption a no-op.
      if (this.stmt.redeem.run(now, tokenHash).changes !== 1) return null;
      this.stmt.insertSession.run(session.id, session.tokenHash, inv.participant_id, now, session.expiresAt);
      return toSession(this.stmt.sessionByHash.get(session.tokenHash) as Row);
    })();
  }

  async addSession(session: Omit<Session, 'createdAt' | 'revokedAt'>): Promise<Session> {
    const now = new Date().toISOString();
    this.stmt.insertSession.run(session.id, session.tokenHash, session.participantId, now, session.expiresAt);
    return { ...session, createdAt: now, revokedAt: null };
  }

  async sessionByHash(tokenHash: string): Promise<Session | null> {
    const row = this.stmt.sessionByHash.get(tokenHash) as Row | undefined;
    return row ? toSession(row) : null;
  }

  async revokeSession(id: string): Promise<void> {
    this.stmt.revokeSession.run(new Date().toISOString(), id);
  }

  async clientAuthors(documentId: string): Promise<ClientAuthor[]> {
    return (this.stmt.clientAuthors.all(documentId) as Row[]).map((r) => ({
      clientId: r.client_id as number,
      delegation: (r.delegation as string | null) ?? null,
      name: (r.person as string | null) ?? null,
      role: r.role as string,
      participantId: (r.participant_id as string | null) ?? null,
    }));
  }

  async claimClientIds(documentId: string, authors: ClientAuthor[]): Promise<void> {
    this.db.transaction(() => {
      for (const a of authors) this.stmt.claim.run(documentId, a.clientId, a.delegation, a.name, a.role, a.participantId);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
