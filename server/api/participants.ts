/**
 * Participants of a document: invitations (single-use sign-in links), the
 * list, and revocation — for the secretariat of that document and the
 * administrator.
 */
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { isRole, ROLES, type ParticipantRole } from '../../shared/auth/roles';
import { requireRole, type AuthEnv } from '../auth/middleware';
import type { AuthService } from '../auth/participants';
import type { DocumentService } from '../documents/service';
import type { Participant } from '../storage/participant-store';
import { apiError } from './errors';

export type InvitationBody = { delegation: string; role: ParticipantRole; name?: string };

const MAX_NAME = 100;

function invitationRequest(body: unknown): { delegation: string; role: ParticipantRole; name: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw apiError(400, 'The request body must be a JSON object');
  const { delegation, role, name } = body as Record<string, unknown>;
  if (typeof delegation !== 'string' || !delegation.trim()) throw apiError(400, '"delegation" must be a non-empty string, e.g. "Mexico"');
  if (delegation.trim().length > MAX_NAME) throw apiError(400, `"delegation" is longer than ${MAX_NAME} characters`);
  if (!isRole(role)) throw apiError(400, `"role" must be one of ${ROLES.join(', ')}`);
  if (name !== undefined && typeof name !== 'string') throw apiError(400, '"name" must be a string');
  if ((name ?? '').trim().length > MAX_NAME) throw apiError(400, `"name" is longer than ${MAX_NAME} characters`);
  return { delegation: delegation.trim(), role, name: (name ?? '').trim() };
}

const publicParticipant = (p: Participant) => ({
  id: p.id,
  delegation: p.delegation,
  name: p.name,
  role: p.role,
  created: p.createdAt,
  revoked: p.revokedAt,
});

export const participantRoutes = (auth: AuthService, documents: DocumentService) =>
  new Hono<AuthEnv>()
    .post(
      '/:id/invitations',
      requireRole('secretariat'),
      validator('json', (value) => value as InvitationBody),
      async (c) => {
        const id = c.req.param('id');
        const who = invitationRequest(c.req.valid('json'));
        if (!(await documents.meta(id))) throw apiError(404, `No document with id "${id}"`);
        const { participant, token, expires } = await auth.invite(id, who);
        const link = `${new URL(c.req.url).origin}/join/${token}`;
        return c.json({ participant: publicParticipant(participant), token, link, expires }, 201);
      },
    )
    .get('/:id/participants', requireRole('secretariat'), async (c) => {
      const participants = await auth.participants(c.req.param('id'));
      return c.json({ participants: participants.map(publicParticipant) });
    })
    .delete('/:id/participants/:pid', requireRole('secretariat'), async (c) => {
      const participant = await auth.participant(c.req.param('pid'));
      if (!participant || participant.documentId !== c.req.param('id')) throw apiError(404, `No participant "${c.req.param('pid')}" in this document`);
      const dropped = await auth.revoke(participant.id);
      return c.json({ revoked: participant.id, droppedConnections: dropped });
    });
