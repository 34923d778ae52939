/**
 * The paragraphs whose content an applied update changed: every new struct
 * and every deletion of the update, looked up in the document after apply,
 * mapped to its paragraph (server/history/paragraphs.ts placeOf). Attribute
 * writes (id, level, provenance) are not content and do not count.
 */
import * as Y from 'yjs';
import { placeOf } from '../history/paragraphs';

function* itemsIn(ydoc: Y.Doc, client: number, from: number, to: number): Generator<Y.Item> {
  const structs = ydoc.store.clients.get(client);
  if (!structs || from >= to || from >= Y.getState(ydoc.store, client)) return;
  for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
    const struct = structs[i];
    if (struct.id.clock >= to) break;
    if (struct instanceof Y.Item) yield struct;
  }
}

export function paragraphsTouched(ydoc: Y.Doc, update: Uint8Array): Set<string> {
  const { structs, ds } = Y.decodeUpdate(update);
  const ids = new Set<string>();
  const visit = (item: Y.Item) => {
    if (item.parentSub !== null) return;
    const place = placeOf(item);
    if (place?.id) ids.add(place.id);
  };
  for (const s of structs) if (s instanceof Y.Item) for (const item of itemsIn(ydoc, s.id.client, s.id.clock, s.id.clock + s.length)) visit(item);
  for (const [client, ranges] of ds.clients) for (const r of ranges) for (const item of itemsIn(ydoc, client, r.clock, r.clock + r.len)) visit(item);
  return ids;
}

/** The keys of a root-level map (e.g. "status") that an applied update wrote. */
export function mapKeysWritten(ydoc: Y.Doc, update: Uint8Array, mapName: string): Set<string> {
  const map = ydoc.getMap(mapName) as unknown;
  const keys = new Set<string>();
  for (const s of Y.decodeUpdate(update).structs) {
    if (!(s instanceof Y.Item)) continue;
    for (const item of itemsIn(ydoc, s.id.client, s.id.clock, s.id.clock + s.length)) if (item.parent === map && item.parentSub) keys.add(item.parentSub);
  }
  return keys;
}
