/**
 * The WebSocket endpoint /collab/:docId. Every connection is accepted at the
 * protocol level and then closed with a 44xx code when it cannot proceed, so
 * the y-websocket client sees why and stops retrying.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { CLOSE } from '../../shared/protocol/messages';
import type { Logger } from '../log';
import { handleConnection, type ConnectionDeps } from './connection';
import type { ConnectionContext } from './context';

const PATH = /^\/collab\/([^/?#]+)$/;
export const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface CollabEndpointOptions extends ConnectionDeps {
  maxMessageBytes: number;
  log: Logger;
}

export function attachCollabEndpoint(server: Server, options: CollabEndpointOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const documentId = decodeURIComponent(match[1]);
      if (!DOCUMENT_ID.test(documentId)) {
        ws.close(CLOSE.malformed, 'invalid document id');
        return;
      }
      // Interim identity from the URL; the delegations issue replaces it with tokens.
      const context: ConnectionContext = {
        connectionId: randomUUID(),
        documentId,
        identity: {
          delegation: (url.searchParams.get('delegation') ?? '').slice(0, 100) || 'Unknown delegation',
          name: (url.searchParams.get('name') ?? '').slice(0, 100),
        },
        role: 'delegation',
      };
      handleConnection(ws, context, options);
    });
  });
  return wss;
}
