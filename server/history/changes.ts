/**
 * What one transaction (one logged update, replayed) inserted and deleted,
 * per paragraph, read from the Yjs items themselves: the new structs are the
 * clocks between the transaction's before and after state; the deleted ones
 * are its delete set. Text both inserted and deleted within the same update
 * counts as neither.
 */
import * as Y from 'yjs';
import { placeOf, type Place } from './paragraphs';

export interface TextChange {
  place: Place;
  inserted: string;
  deleted: string;
}

/** Structs of `client` overlapping [from, to), with the overlap's offsets into each. */
function* overlapping(store: Y.Doc['store'], client: number, from: number, to: number): Generator<{ struct: Y.Item | Y.GC; start: number; end: number }> {
  const structs = store.clients.get(client);
  if (!structs || from >= to) return;
  for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
    const struct = structs[i] as Y.Item | Y.GC;
    if (struct.id.clock >= to) break;
    yield { struct, start: Math.max(0, from - struct.id.clock), end: Math.min(struct.length, to - struct.id.clock) };
  }
}

function textOf(item: Y.Item, start: number, end: number): string {
  const content = item.content;
  if (content instanceof Y.ContentString) return content.str.slice(start, end);
  // A masthead value (a string or a list of sponsors).
  if (content instanceof Y.ContentAny) return content.getContent().slice(start, end).map((v) => (Array.isArray(v) ? v.join(', ') : String(v))).join('');
  return '';
}

const keyOf = (p: Place) => `${p.kind}:${p.id ?? ''}`;

export function changesOf(tr: Y.Transaction): TextChange[] {
  const byPlace = new Map<string, TextChange>();
  const at = (place: Place) => {
    const key = keyOf(place);
    let change = byPlace.get(key);
    if (!change) byPlace.set(key, (change = { place, inserted: '', deleted: '' }));
    return change;
  };
  const store = tr.doc.store;

  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    for (const { struct, start, end } of overlapping(store, client, before, after)) {
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const place = placeOf(struct);
      const text = textOf(struct, start, end);
      if (place && text) at(place).inserted += text;
    }
  }

  for (const [client, ranges] of tr.deleteSet.clients) {
    const existed = tr.beforeState.get(client) ?? 0;
    for (const range of ranges) {
      // Only what existed before this update was deleted by it.
      for (const { struct, start, end } of overlapping(store, client, range.clock, Math.min(range.clock + range.len, existed))) {
        if (!(struct instanceof Y.Item)) continue;
        const place = placeOf(struct);
        const text = textOf(struct, start, end);
        if (place && text) at(place).deleted += text;
      }
    }
  }
  return [...byPlace.values()];
}
