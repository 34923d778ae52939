/**
 * Who wrote each character: the Yjs items of every paragraph, with the
 * client id that created them, as runs of offsets into the paragraph's
 * content (the same offsets as ProseMirror's inside that paragraph: one per
 * character, one per inline node such as a footnote reference). The client
 * id → delegation map comes from the server (GET /api/documents/:id/authors),
 * never from the clients.
 */
import * as Y from 'yjs';
import { BODY_FIELD, NODE, PARAGRAPH_NODES } from './schema';

export interface AuthorRun {
  from: number;
  to: number;
  client: number;
  /** The characters of the run ('' for an inline node). */
  text: string;
  /** The clock of the run's first character: with a state vector, tells whether it is newer. */
  clock: number;
}

/** Text blocks the runs are reported for: paragraphs by id, the title and authority line by node name. */
const TEXT_BLOCKS: readonly string[] = [...PARAGRAPH_NODES, NODE.title, NODE.authority];

export const blockKey = (nodeName: string, id: string | null | undefined) => (PARAGRAPH_NODES.includes(nodeName) ? `${nodeName}:${id ?? ''}` : nodeName);

export function runsOf(block: Y.XmlElement): AuthorRun[] {
  const runs: AuthorRun[] = [];
  let pos = 0;
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlText) {
      for (let item = child._start; item; item = item.right) {
        if (item.deleted || !item.countable) continue;
        const text = item.content instanceof Y.ContentString ? item.content.str : '';
        runs.push({ from: pos, to: pos + item.length, client: item.id.client, text, clock: item.id.clock });
        pos += item.length;
      }
    } else if (child instanceof Y.XmlElement && child._item) {
      runs.push({ from: pos, to: pos + 1, client: child._item.id.client, text: '', clock: child._item.id.clock });
      pos += 1;
    }
  }
  return runs;
}

/** Runs of every text block of the body, keyed by blockKey. */
export function authorship(ydoc: Y.Doc): Map<string, AuthorRun[]> {
  const out = new Map<string, AuthorRun[]>();
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (TEXT_BLOCKS.includes(child.nodeName)) out.set(blockKey(child.nodeName, child.getAttribute('id') as string | undefined), runsOf(child));
      else visit(child);
    }
  };
  visit(ydoc.getXmlFragment(BODY_FIELD));
  return out;
}

/** True when the item at (client, clock) did not exist in the state vector `before`. */
export const isNewerThan = (before: Map<number, number>, client: number, clock: number) => clock >= (before.get(client) ?? 0);
