/**
 * /api/session: signing in with an invitation link (or the admin token),
 * who am I, signing out. The session token goes into an HttpOnly cookie
 * for the app (the WebSocket upgrade sends it too) and into the response
 * for other clients, which send it as a bearer token or `?token=`.
 */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { validator } from 'hono/validator';
import { SESSION_COOKIE, optionalPrincipalOf, principalOf, roleIn, type AuthEnv } from '../auth/middleware';
import { sessionInfo, type AuthService } from '../auth/participants';
import { apiError } from './errors';

export type SignInBody = { invitation: string };

export const sessionRoutes = (auth: AuthService) =>
  new Hono<AuthEnv>()
    .post(
      '/',
      validator('json', (value) => value as SignInBody),
      async (c) => {
        const body: unknown = c.req.valid('json');
        const invitation = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).invitation : undefined;
        if (typeof invitation !== 'string' || !invitation) throw apiError(400, 'Give {"invitation": "<the token from your invitation link>"}');
        const result = await auth.signIn(invitation);
        if (result.kind === 'failure') throw apiError(result.status, result.error);
        const info = sessionInfo(result.principal);
        setCookie(c, SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'Lax',
          path: '/',
          secure: new URL(c.req.url).protocol === 'https:',
          expires: info.expires ? new Date(info.expires) : undefined,
        });
        return c.json({ token: result.token, session: info });
      },
    )
    /** Who the caller is. With ?document=<id>, 403 when the caller has no access to it (the app uses this to explain a refused connection). */
    .get('/', (c) => {
      const principal = principalOf(c);
      const documentId = c.req.query('document');
      if (documentId && roleIn(principal, documentId) === null) throw apiError(403, `You are not a participant of document "${documentId}"`);
      return c.json({ session: sessionInfo(principal) });
    })
    .delete('/', async (c) => {
      const principal = optionalPrincipalOf(c);
      if (principal) await auth.signOut(principal);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ signedOut: true });
    });
