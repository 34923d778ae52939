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
  /**
   * Set only by the server when it merges an accepted proposal under the
   * proposer's identity (server/proposals/): the id of that proposal. The
   * proposal-mode rule lets such a change into the body.
   */
  merging?: string;
}
