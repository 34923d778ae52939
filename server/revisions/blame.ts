/**
 * Who changed what between two points of a document's history, from the
 * update log: the log is replayed up to `from`, then update by update to
 * `to`; after each update, the text of every paragraph it touched is
 * compared character by character with the paragraph's text before it.
 * So every character of the newer text knows the logged update that wrote
 * it (or that it was already there), and every character of the older text
 * the update that removed it. Each logged update carries the delegation the
 * server authenticated, so this is exact, and it survives what the editor
 * does by re-creating elements (moving a paragraph re-creates it with the
 * same id and text: its characters keep their origin).
 */
import * as Y from 'yjs';
import { diffTokens } from '../../shared/compare/words';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import type { Resolution } from '../../shared/model/types';
import type { StoredUpdate } from '../storage/document-store';
import { currentElements, elementText, touchedUnits } from './paragraph-text';

interface Tracked {
  /** null while the paragraph does not exist. */
  text: string | null;
  /** Per character: ≥ 0 its index in the older text, < 0 the negated seq of the update that wrote it. */
  origins: number[];
  /** The Yjs item of the element holding it, to notice re-creation (a move). */
  element: Y.ID | null;
}

export interface Blame {
  fromModel: Resolution;
  toModel: Resolution;
  /** The update with each sequence number (for its attribution). */
  updates: Map<number, StoredUpdate>;
  /** Per paragraph id: the origin of each character of its newer text (see Tracked.origins). */
  origins: Map<string, number[]>;
  /** Per paragraph id: older-text character index → the seq of the update that removed it. */
  removedChars: Map<string, Map<number, number>>;
  /** Per paragraph id: the update that created it (only for paragraphs new since `from`). */
  created: Map<string, number>;
  /** Per paragraph id: the update that deleted it. */
  removed: Map<string, number>;
  /** Per paragraph id: the last update that re-created its element (moved it). */
  recreated: Map<string, number>;
}

const sameId = (a: Y.ID | null, b: Y.ID | null) => (a && b ? a.client === b.client && a.clock === b.clock : a === b);
const itemId = (el: Y.XmlElement) => el._item?.id ?? null;

/** `log` is the document's whole log, oldest first; `fromSeq` ≤ `toSeq`. */
export function blame(log: StoredUpdate[], fromSeq: number, toSeq: number): Blame {
  const ydoc = new Y.Doc({ gc: false });
  const result: Blame = {
    fromModel: null as unknown as Resolution,
    toModel: null as unknown as Resolution,
    updates: new Map(),
    origins: new Map(),
    removedChars: new Map(),
    created: new Map(),
    removed: new Map(),
    recreated: new Map(),
  };
  const tracked = new Map<string, Tracked>();
  try {
    let started = false;
    const start = () => {
      started = true;
      result.fromModel = readResolutionFromYDoc(ydoc);
      for (const [id, el] of currentElements(ydoc)) {
        const text = elementText(el);
        // Indexed by UTF-16 unit, as the comparison's offsets are.
        tracked.set(id, { text, origins: Array.from({ length: text.length }, (_, i) => i), element: itemId(el) });
      }
    };
    for (const u of log) {
      if (u.seq > toSeq) break;
      if (!started && u.seq > fromSeq) start();
      if (!started) {
        Y.applyUpdate(ydoc, u.update);
        continue;
      }
      result.updates.set(u.seq, u);
      let tr: Y.Transaction | null = null;
      const capture = (t: Y.Transaction) => (tr = t);
      ydoc.on('afterTransaction', capture);
      try {
        Y.applyUpdate(ydoc, u.update);
      } finally {
        ydoc.off('afterTransaction', capture);
      }
      if (tr) follow(u.seq, touchedUnits(tr), ydoc, tracked, result);
    }
    if (!started) start();
    result.toModel = readResolutionFromYDoc(ydoc);
    for (const [id, t] of tracked) if (t.text !== null) result.origins.set(id, t.origins);
    return result;
  } finally {
    ydoc.destroy();
  }
}

function follow(seq: number, touched: Set<string>, ydoc: Y.Doc, tracked: Map<string, Tracked>, result: Blame) {
  if (!touched.size) return;
  const elements = currentElements(ydoc, touched);
  const removedChar = (id: string, index: number) => {
    let m = result.removedChars.get(id);
    if (!m) result.removedChars.set(id, (m = new Map()));
    if (!m.has(index)) m.set(index, seq);
  };
  for (const id of touched) {
    const el = elements.get(id) ?? null;
    const t = tracked.get(id);
    if (!el) {
      if (t && t.text !== null) {
        for (const o of t.origins) if (o >= 0) removedChar(id, o);
        result.removed.set(id, seq);
        t.text = null;
        t.origins = [];
        t.element = null;
      }
      continue;
    }
    const text = elementText(el);
    if (!t || t.text === null) {
      if (!t) result.created.set(id, seq);
      else result.removed.delete(id);
      tracked.set(id, { text, origins: new Array(text.length).fill(-seq), element: itemId(el) });
      continue;
    }
    if (!sameId(t.element, itemId(el))) {
      result.recreated.set(id, seq);
      t.element = itemId(el);
    }
    if (text === t.text) continue;
    const origins: number[] = [];
    let k = 0;
    for (const [op] of diffTokens(t.text.split(''), text.split(''))) {
      if (op === 'equal') origins.push(t.origins[k++]);
      else if (op === 'insert') origins.push(-seq);
      else {
        const o = t.origins[k++];
        if (o >= 0) removedChar(id, o);
      }
    }
    t.text = text;
    t.origins = origins;
  }
}
