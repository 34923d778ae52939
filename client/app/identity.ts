/**
 * Who is signed in, as the server says (GET /api/session). The session
 * itself is an HttpOnly cookie set by the server: this browser never holds
 * the token in script, and the WebSocket upgrade sends the cookie too.
 */
import type { SessionInfo } from '../../shared/auth/roles';

export type Identity = SessionInfo;

/** What went wrong with the session: shown with a way to sign in again. */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function errorOf(res: Response): Promise<SessionError> {
  let message = `${res.status} ${res.statusText}`;
  try {
    message = ((await res.json()) as { error?: string }).error ?? message;
  } catch {
    // not JSON
  }
  return new SessionError(message, res.status);
}

/** The current session, or a SessionError (401: not signed in / expired / revoked; 403: no access to `documentId`). */
export async function loadSession(documentId?: string): Promise<Identity> {
  const res = await fetch(`/api/session${documentId ? `?document=${encodeURIComponent(documentId)}` : ''}`, { credentials: 'same-origin' });
  if (!res.ok) throw await errorOf(res);
  return ((await res.json()) as { session: Identity }).session;
}

/** Redeems an invitation link's token; the server sets the session cookie. */
export async function signIn(invitation: string): Promise<Identity> {
  const res = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ invitation }),
  });
  if (!res.ok) throw await errorOf(res);
  return ((await res.json()) as { session: Identity }).session;
}

export async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
}

/** The token in an invitation link (…/join/<token>) or the token itself. */
export function invitationFrom(text: string): string {
  const trimmed = text.trim();
  const m = /\/join\/([^/?#\s]+)/.exec(trimmed);
  return m ? decodeURIComponent(m[1]) : trimmed;
}

export const ROLE_NAMES: Record<Identity['role'], string> = {
  admin: 'Administrator',
  secretariat: 'Secretariat',
  facilitator: 'Facilitator',
  delegation: 'Delegation',
  observer: 'Observer (read only)',
};

export { delegationColor, delegationTint } from '../../shared/presence/colour';
