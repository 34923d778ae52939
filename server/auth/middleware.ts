/**
 * Hono middleware for authentication. `identify` runs once for all of /api
 * and only finds out who is calling (it never refuses); each route group
 * then says what it needs:
 *
 *   requireAuth                 any valid session (401 otherwise)
 *   requireAdmin                the administrator (403 for others)
 *   requireRole('secretariat')  a participant of the document in the `:id`
 *                               path parameter with one of these roles, or
 *                               the administrator (401 / 403 otherwise)
 *   requireDocumentAccess       requireRole with every role (observers read)
 *
 * Routes without any of these stay public (health, templates, the public
 * corpus and validation). `principalOf(c)` gives a handler the caller.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { ROLES, type ParticipantRole } from '../../shared/auth/roles';
import { apiError } from '../api/errors';
import { NO_TOKEN, type AuthFailure, type AuthService, type Principal } from './participants';

export const SESSION_COOKIE = 'penholder_session';

export type AuthEnv = { Variables: { principal: Principal | null; authFailure: AuthFailure | null } };

/** The token of a request: the bearer header first, then the app's cookie. */
export function tokenOf(headers: { authorization?: string | null; cookie?: string | null }, cookieValue?: string): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  return cookieValue || null;
}

export const identify = (auth: AuthService) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const token = tokenOf({ authorization: c.req.header('authorization') }, getCookie(c, SESSION_COOKIE));
    const result = await auth.authenticate(token);
    c.set('principal', result.kind === 'failure' ? null : result);
    c.set('authFailure', result.kind === 'failure' ? result : null);
    await next();
  });

/** The authenticated caller; throws 401 when there is none (use after requireAuth or on routes that may be public). */
export function principalOf(c: Context): Principal {
  const principal = c.get('principal') as Principal | null | undefined;
  if (!principal) throw apiError(401, ((c.get('authFailure') as AuthFailure | null | undefined) ?? NO_TOKEN).error);
  return principal;
}

/** The caller if any, or null: for public routes that do more for a signed-in caller. */
export const optionalPrincipalOf = (c: Context): Principal | null => (c.get('principal') as Principal | null | undefined) ?? null;

export const requireAuth: MiddlewareHandler<AuthEnv> = async (c, next) => {
  principalOf(c);
  await next();
};

export const requireAdmin: MiddlewareHandler<AuthEnv> = async (c, next) => {
  if (principalOf(c).kind !== 'admin') throw apiError(403, 'Only the administrator can do this');
  await next();
};

/** The role of a principal in one document: 'admin', a participant role, or null (no access). */
export function roleIn(principal: Principal, documentId: string): ParticipantRole | 'admin' | null {
  if (principal.kind === 'admin') return 'admin';
  return principal.participant.documentId === documentId ? principal.participant.role : null;
}

export function requireRole(...roles: ParticipantRole[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const principal = principalOf(c);
    const documentId = c.req.param('id');
    if (!documentId) throw new Error('requireRole needs an :id path parameter');
    const role = roleIn(principal, documentId);
    if (role === null) throw apiError(403, `You are not a participant of document "${documentId}"`);
    if (role !== 'admin' && !roles.includes(role)) {
      throw apiError(403, `This needs the role ${roles.join(' or ')}; you are ${role === 'observer' ? 'an' : 'a'} ${role} in this document`);
    }
    await next();
  };
}

export const requireDocumentAccess = requireRole(...ROLES);
