/**
 * What an incoming update would add to a document, without applying it:
 * the client ids of structs the document does not have yet, and whether it
 * deletes anything not already deleted. A y-websocket client's sync step 2
 * always carries its whole delete set, and may repeat structs the server
 * has; neither changes anything, so neither counts as writing.
 */
import * as Y from 'yjs';

export interface Novelty {
  /** Client ids with structs beyond the document's state. */
  newClients: Set<number>;
  /** True when the update deletes something the document has not deleted. */
  newDeletions: boolean;
}

export function noveltyOf(ydoc: Y.Doc, update: Uint8Array): Novelty {
  const { structs, ds } = Y.decodeUpdate(update);
  const newClients = new Set<number>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) && !(struct instanceof Y.GC)) continue; // Skip: a gap, no content
    const { client, clock } = struct.id;
    if (clock + struct.length > Y.getState(ydoc.store, client)) newClients.add(client);
  }
  let newDeletions = false;
  if (ds.clients.size > 0) {
    const known = Y.createDeleteSetFromStructStore(ydoc.store);
    outer: for (const [client, ranges] of ds.clients) {
      const deleted = known.clients.get(client) ?? [];
      for (const r of ranges) {
        // Merged ranges are maximal, so a covered range lies inside one of them.
        if (!deleted.some((d) => d.clock <= r.clock && d.clock + d.len >= r.clock + r.len)) {
          newDeletions = true;
          break outer;
        }
      }
    }
  }
  return { newClients, newDeletions };
}

export const changesAnything = (n: Novelty) => n.newClients.size > 0 || n.newDeletions;
