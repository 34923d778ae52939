/**
 * Real y-websocket clients in Node, signed in as a participant through a
 * real invitation, and helpers to edit the resolution body the way the
 * editor does (Y.XmlElements in the body fragment).
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { plainText } from '../../shared/model/text';
import type { ParticipantRole } from '../../shared/auth/roles';
import { invite } from './server';
import { rotateServersOnClose } from '../../client/editor/failover';

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  /** Resolves once signed in and connecting (the token is known). */
  ready: Promise<void>;
  token: string | null;
  participantId: string | null;
  destroy(): void;
}

export interface ConnectOptions {
  role?: ParticipantRole;
  /** Connect with this session token instead of inviting a new participant. */
  token?: string;
  /** Several nodes: start on the first, move to the next one whenever the connection closes. */
  wsUrls?: string[];
  /** The provider's longest wait between reconnection attempts (y-websocket's default: 2500 ms). */
  maxBackoffTime?: number;
}

/**
 * A y-websocket client of `documentId`: the administrator invites
 * `delegation`/`name` with `role` (default delegation), the invitation is
 * redeemed, and the provider connects with `?token=`.
 */
export function connectClient(
  server: { url: string; wsUrl: string },
  documentId: string,
  delegation = 'Test',
  name = 'Tester',
  options: ConnectOptions = {},
): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
    ...(options.maxBackoffTime !== undefined ? { maxBackoffTime: options.maxBackoffTime } : {}),
  });
  if (options.wsUrls) rotateServersOnClose(provider, options.wsUrls);
  const closes: Client['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  let destroyed = false;
  const client: Client = {
    doc,
    provider,
    closes,
    token: options.token ?? null,
    participantId: null,
    ready: (options.token ? Promise.resolve({ token: options.token, participantId: null }) : invite(server, documentId, { delegation, name, role: options.role })).then(
      ({ token, participantId }) => {
        client.token = token;
        client.participantId = participantId;
        provider.params = { token };
        if (!destroyed) provider.connect();
      },
    ),
    destroy: () => {
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
  // Awaited by `synced`; kept from being an unhandled rejection meanwhile.
  client.ready.catch(() => undefined);
  return client;
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = async (c: Client) => {
  await c.ready;
  await waitFor(() => c.provider.synced, 'client synced');
};

/** Operative paragraph texts, in order, as the model reads them. */
export const operativeTexts = (doc: Y.Doc) => readResolutionFromYDoc(doc).operative.map((p) => plainText(p.content));
export const preambularTexts = (doc: Y.Doc) => readResolutionFromYDoc(doc).preamble.map((p) => plainText(p.content));

function operativeSection(doc: Y.Doc): Y.XmlElement {
  const body = doc.getXmlFragment(BODY_FIELD);
  for (const child of body.toArray()) if (child instanceof Y.XmlElement && child.nodeName === NODE.operative) return child;
  throw new Error('document has no operative section');
}

/** Appends an operative paragraph, as the editor would after Enter at the end. */
export function appendOperative(doc: Y.Doc, text: string, id: string): void {
  doc.transact(() => {
    const section = operativeSection(doc);
    const p = new Y.XmlElement(NODE.operativeParagraph);
    p.setAttribute('id', id);
    p.insert(0, [new Y.XmlText(text)]);
    section.insert(section.length, [p]);
  });
}

/** Inserts an operative paragraph at a position among the operative section's children. */
export function insertOperative(doc: Y.Doc, index: number, text: string, id: string): void {
  doc.transact(() => {
    const section = operativeSection(doc);
    const p = new Y.XmlElement(NODE.operativeParagraph);
    p.setAttribute('id', id);
    p.insert(0, [new Y.XmlText(text)]);
    section.insert(index, [p]);
  });
}
