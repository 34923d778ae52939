/**
 * "Nothing that was broadcast is lost": what a client received from the
 * server, kept apart from its own edits, and a check that a document holds
 * all of it (insertions and deletions).
 */
import * as Y from 'yjs';
import type { Client } from './clients';

/** A copy of everything the client's provider received from the server (not the client's own edits). */
export function trackReceived(client: Client): Y.Doc {
  const received = new Y.Doc({ gc: false });
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === client.provider) Y.applyUpdate(received, update);
  });
  return received;
}

/** True when applying `expected` to `doc` would change nothing: `doc` holds all of it. */
export function holdsAll(doc: Y.Doc, expected: Uint8Array): boolean {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    let changed = false;
    copy.on('update', () => (changed = true));
    Y.applyUpdate(copy, expected);
    return !changed;
  } finally {
    copy.destroy();
  }
}
