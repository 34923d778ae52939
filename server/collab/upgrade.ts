/**
 * The WebSocket endpoint /collab/:docId?token=…
 *
 * Authentication happens before the upgrade: a missing, bad or expired
 * token is answered with HTTP 401, a principal without access to the
 * document with 403, both with a JSON {error} body, and no WebSocket is
 * opened. (A browser cannot read that status; the app asks GET /api/session
 * why the connection failed and stops the provider — see client/editor/session.ts.)
 * The token comes from `?token=` (what y-websocket's `params` sends) or the
 * app's session cookie. Once open, a connection that cannot proceed is
 * closed with a 44xx code, after which y-websocket stops retrying; revocation
 * and expiry close it with 4401.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { WebSocketServer } from 'ws';
import { CLOSE } from '../../shared/protocol/messages';
import { SESSION_COOKIE } from '../auth/middleware';
import { identityOf, type AuthService, type Principal } from '../auth/participants';
import type { CollabLimits } from '../limits/collab-limits';
import type { Logger } from '../log';
import { handleConnection, type ConnectionDeps } from './connection';
import type { ConnectionContext } from './context';

const PATH = /^\/collab\/([^/?#]+)$/;
export const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface CollabEndpointOptions extends ConnectionDeps {
  maxMessageBytes: number;
  log: Logger;
  auth: AuthService;
  limits: CollabLimits;
}

function refuse(socket: Duplex, status: number, error: string) {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** Who may open a document: the administrator, or a participant of that document. */
const mayOpen = (p: Principal, documentId: string) => p.kind === 'admin' || p.participant.documentId === documentId;

export function attachCollabEndpoint(server: Server, options: CollabEndpointOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const { auth, log, limits } = options;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined); // a client that goes away mid-handshake
    // Before anything else, even the path: these limits protect the authentication itself.
    const address = req.socket.remoteAddress ?? 'unknown';
    const admitted = limits.upgrades.admit(address);
    if (!admitted.ok) {
      limits.hit(admitted.limit);
      log.warn('refused a connection', { status: 429, address, limit: admitted.limit });
      return refuse(socket, 429, admitted.error);
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (!match) {
      admitted.done();
      return refuse(socket, 404, `No WebSocket endpoint at ${url.pathname}: use /collab/<document id>`);
    }
    let documentId: string;
    try {
      documentId = decodeURIComponent(match[1]);
    } catch {
      documentId = '';
    }
    const token = url.searchParams.get('token') || cookie(req, SESSION_COOKIE);
    auth.authenticate(token).then(
      (principal) => {
        admitted.done();
        if (principal.kind === 'failure') {
          log.warn('refused a connection', { doc: documentId, status: 401, reason: principal.error });
          return refuse(socket, 401, principal.error);
        }
        if (DOCUMENT_ID.test(documentId) && !mayOpen(principal, documentId)) {
          log.warn('refused a connection', { doc: documentId, status: 403, delegation: identityOf(principal).delegation });
          return refuse(socket, 403, `You are not a participant of document "${documentId}"`);
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
          if (!DOCUMENT_ID.test(documentId)) {
            ws.close(CLOSE.malformed, 'invalid document id');
            return;
          }
          // The administrator's token has no session: its connections count together.
          const release = limits.sessions.acquire(principal.sessionId ?? 'administrator-token');
          if (!release) {
            limits.hit('session-connections');
            log.warn('closing connection', { doc: documentId, code: CLOSE.tooMany, reason: limits.sessions.reason });
            ws.close(CLOSE.tooMany, limits.sessions.reason);
            return;
          }
          ws.once('close', release);
          const who = identityOf(principal);
          const context: ConnectionContext = {
            connectionId: randomUUID(),
            documentId,
            identity: { delegation: who.delegation, name: who.name },
            role: who.role,
            participantId: principal.kind === 'participant' ? principal.participant.id : null,
            sessionId: principal.sessionId,
          };
          const peer = handleConnection(ws, context, options);
          auth.live.add(peer, { sessionId: principal.sessionId, participantId: context.participantId, expiresAt: principal.expiresAt });
          ws.once('close', () => auth.live.forget(peer));
        });
      },
      (err: Error) => {
        admitted.done();
        log.error('authentication failed', { error: err.message });
        refuse(socket, 500, 'Internal server error');
      },
    );
  });
  return wss;
}
