/**
 * Who may work on which document, behind an async interface like the
 * DocumentStore (SQLite now, PostgreSQL later).
 *
 *   participant   a delegation (and optionally a person) with a role in one document
 *   invitation    a single-use secret that yields a session for a participant
 *   session       a secret a browser or client presents on every request
 *   client id     a Yjs client id and the participant that first wrote with it
 *
 * Secrets are stored as SHA-256 hashes only.
 */
import type { ParticipantRole } from '../../shared/auth/roles';

export interface Participant {
  id: string;
  documentId: string;
  delegation: string;
  name: string;
  role: ParticipantRole;
  createdAt: string;
  revokedAt: string | null;
}

export interface Invitation {
  tokenHash: string;
  participantId: string;
  expiresAt: string;
  redeemedAt: string | null;
}

export interface Session {
  id: string;
  tokenHash: string;
  /** null for an administrator's session. */
  participantId: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** The author of a Yjs client id in one document, as the server learnt it. */
export interface ClientAuthor {
  clientId: number;
  delegation: string | null;
  name: string | null;
  role: string;
  participantId: string | null;
}

export interface ParticipantStore {
  addParticipant(p: Omit<Participant, 'createdAt' | 'revokedAt'>, invitation: Omit<Invitation, 'participantId' | 'redeemedAt'>): Promise<Participant>;
  participant(id: string): Promise<Participant | null>;
  participants(documentId: string): Promise<Participant[]>;
  /** Marks the participant and all its sessions revoked. */
  revokeParticipant(id: string): Promise<void>;
  /**
   * Redeems an invitation once: atomically marks it used and creates the
   * session. Null when unknown, already used or expired.
   */
  redeemInvitation(tokenHash: string, session: Omit<Session, 'participantId' | 'createdAt' | 'revokedAt'>, now: string): Promise<Session | null>;
  addSession(session: Omit<Session, 'createdAt' | 'revokedAt'>): Promise<Session>;
  sessionByHash(tokenHash: string): Promise<Session | null>;
  revokeSession(id: string): Promise<void>;
  /** Client ids of a document and their authors. */
  clientAuthors(documentId: string): Promise<ClientAuthor[]>;
  /** Records first writers of client ids; an id already recorded keeps its author. */
  claimClientIds(documentId: string, authors: ClientAuthor[]): Promise<void>;
  close(): Promise<void>;
}
