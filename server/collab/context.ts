/** Who is on the other end of a connection: always from the authenticated principal, never from the client. */
import type { ParticipantRole } from '../../shared/auth/roles';

export type Role = ParticipantRole | 'admin' | 'system';

export interface Identity {
  delegation: string;
  name: string;
}

export interface ConnectionContext {
  connectionId: string;
  documentId: string;
  identity: Identity;
  role: Role;
  /** The participant and session behind the connection (null for the administrator and the server). */
  participantId: string | null;
  sessionId: string | null;
}
