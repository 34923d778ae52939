/**
 * Real y-websocket clients in Node, and helpers to edit the resolution body
 * the way the editor does (Y.XmlElements in the body fragment).
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { plainText } from '../../shared/model/text';

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

export function connectClient(wsUrl: string, documentId: string, delegation = 'Test', name = 'Tester'): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { delegation, name },
    disableBc: true,
  });
  const closes: Client['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = (c: Client) => waitFor(() => c.provider.synced, 'client synced');

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
