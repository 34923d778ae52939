/**
 * Where an incoming update would write, without applying it: for every
 * struct the document does not have yet and every deletion it does not
 * have yet, the root type it lands in ("resolution" — the body —,
 * "masthead", "proposals", …) and, for an entry of a root-level Y.Map, the
 * key and the new value.
 *
 * Authorization rules that depend on *what* is written (proposal mode,
 * paragraph status, comments) read this. It decodes the update and looks
 * items up in the live document; it never clones the document, so it is
 * cheap enough for every keystroke.
 *
 * Yjs encodes an item's parent only when the item has no left or right
 * origin; otherwise the parent (and map key) is the origin's. Origins may
 * be in the document or earlier in the same update.
 */
import * as Y from 'yjs';

export interface RootWrite {
  /** Name of the root type written to; null when the update refers to items this document does not have. */
  root: string | null;
  /** The key when the write is an entry of a root-level map; null for anything nested or in a list. */
  key: string | null;
  /** True for a deletion; false for new content. */
  deleted: boolean;
  /** For a new root-level map entry: its value (plain JSON), when it is one. */
  value?: unknown;
}

interface Parent {
  root: string | null;
  key: string | null;
}

// Yjs types are generic over their events; `any` is what its own signatures use.
type DecodedItem = Y.Item & { parent: string | Y.ID | Y.AbstractType<any> | null };

export function writesOf(ydoc: Y.Doc, update: Uint8Array): RootWrite[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const writes: RootWrite[] = [];
  const rootNames = new Map<Y.AbstractType<any>, string>();
  for (const [name, type] of ydoc.share) rootNames.set(type, name);

  // Items of this update, by client, to resolve origins inside the update.
  const incoming = new Map<number, DecodedItem[]>();
  for (const s of structs) if (s instanceof Y.Item) (incoming.get(s.id.client) ?? incoming.set(s.id.client, []).get(s.id.client)!).push(s as DecodedItem);
  const resolved = new Map<DecodedItem, Parent>();

  const ofStoreItem = (item: Y.Item): Parent => {
    const parent = item.parent as Y.AbstractType<any> | null;
    if (!parent) return { root: null, key: null };
    if (parent._item === null) return { root: rootNames.get(parent) ?? null, key: item.parentSub };
    // Nested: find the root by walking up.
    let type: Y.AbstractType<any> = parent;
    while (type._item !== null) type = type._item.parent as Y.AbstractType<any>;
    return { root: rootNames.get(type) ?? null, key: null };
  };

  const lookup = (id: Y.ID, depth: number): Parent | null => {
    const own = incoming.get(id.client)?.find((i) => i.id.clock <= id.clock && id.clock < i.id.clock + i.length);
    if (own) return resolve(own, depth + 1);
    const stored = ydoc.store.clients.get(id.client);
    if (stored && id.clock < Y.getState(ydoc.store, id.client)) {
      const struct = stored[Y.findIndexSS(stored, id.clock)];
      if (struct instanceof Y.Item) return ofStoreItem(struct);
    }
    return null;
  };

  function resolve(item: DecodedItem, depth = 0): Parent {
    const known = resolved.get(item);
    if (known) return known;
    let result: Parent = { root: null, key: null };
    if (depth < 10_000) {
      const parent = item.parent;
      if (typeof parent === 'string') result = { root: parent, key: item.parentSub };
      else if (parent instanceof Y.ID) {
        const container = lookup(parent, depth);
        result = { root: container?.root ?? null, key: null };
      } else {
        const origin = item.origin ?? item.rightOrigin;
        if (origin) result = lookup(origin, depth) ?? result;
      }
    }
    resolved.set(item, result);
    return result;
  }

  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const item = s as DecodedItem;
    if (item.id.clock + item.length <= Y.getState(ydoc.store, item.id.client)) continue; // already known
    const { root, key } = resolve(item);
    const write: RootWrite = { root, key, deleted: false };
    if (key !== null && item.content instanceof Y.ContentAny) write.value = item.content.getContent()[0];
    writes.push(write);
  }

  if (ds.clients.size > 0) {
    const known = Y.createDeleteSetFromStructStore(ydoc.store);
    for (const [client, ranges] of ds.clients) {
      const stored = ydoc.store.clients.get(client);
      const alreadyDeleted = known.clients.get(client) ?? [];
      const state = Y.getState(ydoc.store, client);
      for (const range of ranges) {
        if (alreadyDeleted.some((d) => d.clock <= range.clock && d.clock + d.len >= range.clock + range.len)) continue;
        if (!stored) continue; // deletes only this update's own items: they are new structs above
        const end = Math.min(range.clock + range.len, state);
        for (let i = range.clock < state ? Y.findIndexSS(stored, range.clock) : stored.length; i < stored.length; i++) {
          const struct = stored[i];
          if (struct.id.clock >= end) break;
          if (!(struct instanceof Y.Item) || struct.deleted) continue;
          writes.push({ ...ofStoreItem(struct), deleted: true });
        }
      }
    }
  }
  return writes;
}
