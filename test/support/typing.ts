/**
 * Clients that type like people: each one writes into its own operative
 * paragraph, one character at a time, until stopped (bounded in count).
 */
import * as Y from 'yjs';
import { BODY_FIELD, NODE } from '../../shared/editor/schema';
import { appendOperative, type Client } from './clients';

function paragraphText(doc: Y.Doc, id: string): Y.XmlText | null {
  const stack: Y.XmlElement[] = [];
  for (const child of doc.getXmlFragment(BODY_FIELD).toArray()) if (child instanceof Y.XmlElement) stack.push(child);
  while (stack.length) {
    const el = stack.pop()!;
    if (el.nodeName === NODE.operativeParagraph && el.getAttribute('id') === id) {
      const text = el.toArray().find((c) => c instanceof Y.XmlText);
      return (text as Y.XmlText | undefined) ?? null;
    }
    for (const c of el.toArray()) if (c instanceof Y.XmlElement) stack.push(c);
  }
  return null;
}

export interface Typist {
  /** Characters typed so far. */
  readonly typed: number;
  stop(): Promise<void>;
}

/**
 * Appends a paragraph `"<prefix> "` with id `paragraphId`, then types
 * `alphabet` characters into it every `everyMs` (at most `maxChars`).
 */
export function startTyping(client: Client, paragraphId: string, prefix: string, options: { everyMs?: number; maxChars?: number } = {}): Typist {
  const everyMs = options.everyMs ?? 20;
  const maxChars = options.maxChars ?? 2000;
  appendOperative(client.doc, `${prefix} `, paragraphId);
  let typed = 0;
  let running = true;
  const loop = (async () => {
    while (running && typed < maxChars) {
      const text = paragraphText(client.doc, paragraphId);
      if (!text) throw new Error(`paragraph ${paragraphId} is gone from ${prefix}'s document`);
      text.insert(text.length, String.fromCharCode(97 + (typed % 26)));
      typed++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    get typed() {
      return typed;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}
