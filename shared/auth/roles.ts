/**
 * Roles a participant can have in one document. Shared so that the client
 * shows the same names and makes the editor read-only where the server
 * would refuse the change anyway.
 */
export const ROLES = ['secretariat', 'facilitator', 'delegation', 'observer'] as const;
export type ParticipantRole = (typeof ROLES)[number];

export const isRole = (value: unknown): value is ParticipantRole => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Observers read only; every other role writes to the document. */
export const canWrite = (role: ParticipantRole | 'admin') => role !== 'observer';

/** Who the server says you are: GET /api/session. */
export interface SessionInfo {
  /** The administrator sees every document; a participant only its own. */
  admin: boolean;
  participantId: string | null;
  documentId: string | null;
  delegation: string;
  name: string;
  role: ParticipantRole | 'admin';
  expires: string | null;
}
