/**
 * Sign-in and access: invitations, sessions, revocation. The one place that
 * turns a presented secret into a Principal (or says why it cannot).
 */
import { randomUUID } from 'node:crypto';
import type { ParticipantRole, SessionInfo } from '../../shared/auth/roles';
import type { Participant, ParticipantStore } from '../storage/participant-store';
import { LiveConnections } from './live-connections';
import { expiresAt, hashToken, isExpired, kindOf, newToken, sameHash } from './tokens';

export type Principal =
  | { kind: 'admin'; sessionId: string | null; expiresAt: string | null }
  | { kind: 'participant'; participant: Participant; sessionId: string; expiresAt: string };

/** Why a token does not authenticate; `status` is the HTTP status to answer with. */
export interface AuthFailure {
  kind: 'failure';
  status: 401;
  error: string;
}

const failure = (error: string): AuthFailure => ({ kind: 'failure', status: 401, error });

export const NO_TOKEN = failure('Not signed in: open your invitation link, or send a session token (Authorization: Bearer …)');

export interface AuthOptions {
  adminToken: string;
  /** How long a session lasts after sign-in (default 7 days). */
  sessionTtlMs?: number;
  /** How long an invitation link stays valid (default 14 days). */
  invitationTtlMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** The name, delegation and role a principal writes with. */
export function identityOf(p: Principal): { delegation: string; name: string; role: ParticipantRole | 'admin' } {
  if (p.kind === 'admin') return { delegation: 'Administrator', name: 'Administrator', role: 'admin' };
  return { delegation: p.participant.delegation, name: p.participant.name, role: p.participant.role };
}

export function sessionInfo(p: Principal): SessionInfo {
  return {
    admin: p.kind === 'admin',
    participantId: p.kind === 'participant' ? p.participant.id : null,
    documentId: p.kind === 'participant' ? p.participant.documentId : null,
    ...identityOf(p),
    expires: p.expiresAt,
  };
}

/** A session or a whole participant whose connections must be dropped. */
export type Revocation = { participantId: string } | { sessionId: string };

export class AuthService {
  readonly live = new LiveConnections();
  /** Told of every revocation made through this node (scale-out: the other nodes drop their connections too). */
  onRevoked: ((revocation: Revocation) => void) | null = null;
  private readonly adminHash: string;
  private readonly sessionTtlMs: number;
  private readonly invitationTtlMs: number;

  constructor(
    private readonly store: ParticipantStore,
    options: AuthOptions,
  ) {
    this.adminHash = hashToken(options.adminToken);
    this.sessionTtlMs = options.sessionTtlMs ?? 7 * DAY;
    this.invitationTtlMs = options.invitationTtlMs ?? 14 * DAY;
  }

  async authenticate(token: string | null | undefined): Promise<Principal | AuthFailure> {
    if (!token) return NO_TOKEN;
    const hash = hashToken(token);
    if (sameHash(hash, this.adminHash)) return { kind: 'admin', sessionId: null, expiresAt: null };
    if (kindOf(token) === 'inv') return failure('This is an invitation, not a session: redeem it with POST /api/session {"invitation": "…"}');
    const session = await this.store.sessionByHash(hash);
    if (!session) return failure('The session token is not valid: sign in again with your invitation link');
    if (session.revokedAt) return failure('This session was revoked: ask the secretariat for a new invitation');
    if (isExpired(session.expiresAt)) return failure('Your session has expired: sign in again with an invitation link');
    if (session.participantId === null) return { kind: 'admin', sessionId: session.id, expiresAt: session.expiresAt };
    const participant = await this.store.participant(session.participantId);
    if (!participant) return failure('The session token is not valid: sign in again with your invitation link');
    if (participant.revokedAt) return failure('Your access to this document was revoked: ask the secretariat for a new invitation');
    return { kind: 'participant', participant, sessionId: session.id, expiresAt: session.expiresAt };
  }

  /** Creates a participant and its single-use invitation token. */
  async invite(documentId: string, who: { delegation: string; role: ParticipantRole; name: string }): Promise<{ participant: Participant; token: string; expires: string }> {
    const token = newToken('inv');
    const expires = expiresAt(this.invitationTtlMs);
    const participant = await this.store.addParticipant(
      { id: 'p' + randomUUID().replace(/-/g, '').slice(0, 16), documentId, ...who },
      { tokenHash: hashToken(token), expiresAt: expires },
    );
    return { participant, token, expires };
  }

  /**
   * Exchanges an invitation (or the admin token, for the administrator's
   * browser) for a new session token.
   */
  async signIn(secret: string): Promise<{ kind: 'signed-in'; token: string; principal: Principal } | AuthFailure> {
    const token = newToken('ses');
    const session = { id: randomUUID(), tokenHash: hashToken(token), expiresAt: expiresAt(this.sessionTtlMs) };
    if (sameHash(hashToken(secret), this.adminHash)) {
      await this.store.addSession({ ...session, participantId: null });
      return { kind: 'signed-in', token, principal: { kind: 'admin', sessionId: session.id, expiresAt: session.expiresAt } };
    }
    const redeemed = await this.store.redeemInvitation(hashToken(secret), session, new Date().toISOString());
    if (!redeemed) return failure('This invitation link is not valid, was already used, or has expired: ask the secretariat for a new one');
    const principal = await this.authenticate(token);
    if (principal.kind === 'failure') return principal;
    return { kind: 'signed-in', token, principal };
  }

  async signOut(p: Principal): Promise<void> {
    if (!p.sessionId) return;
    await this.store.revokeSession(p.sessionId);
    this.live.dropSession(p.sessionId, 'signed out');
    this.onRevoked?.({ sessionId: p.sessionId });
  }

  participants(documentId: string): Promise<Participant[]> {
    return this.store.participants(documentId);
  }

  participant(id: string): Promise<Participant | null> {
    return this.store.participant(id);
  }

  /** Revokes a participant's access and drops its open connections; returns how many. */
  async revoke(participantId: string): Promise<number> {
    await this.store.revokeParticipant(participantId);
    this.onRevoked?.({ participantId });
    return this.live.dropParticipant(participantId, 'access revoked by the secretariat');
  }

  /** A revocation made through another node: drop this node's connections of it. */
  revokedElsewhere(revocation: Revocation): number {
    return 'participantId' in revocation
      ? this.live.dropParticipant(revocation.participantId, 'access revoked by the secretariat')
      : this.live.dropSession(revocation.sessionId, 'signed out');
  }
}
