/**
 * The connection context of an API call that changes a document on the
 * caller's behalf (through server/collab/server-peer.ts): who it is comes
 * from the authenticated principal, never from the request body.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ConnectionContext } from '../collab/context';
import { principalOf } from './middleware';
import { identityOf } from './participants';

export function apiContext(c: Context, documentId: string): ConnectionContext {
  const principal = principalOf(c);
  const who = identityOf(principal);
  return {
    connectionId: `api:${randomUUID()}`,
    documentId,
    identity: { delegation: who.delegation, name: who.name },
    role: who.role,
    participantId: principal.kind === 'participant' ? principal.participant.id : null,
    sessionId: principal.sessionId,
  };
}
