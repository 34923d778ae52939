import * as Y from 'yjs';
import type { StoredUpdate } from '../storage/document-store';

/** The document right after update `seq`, replayed from the log (gc off, like the live one). */
export function replayTo(log: readonly StoredUpdate[], seq: number): Y.Doc {
  const ydoc = new Y.Doc({ gc: false });
  ydoc.transact(() => {
    for (const u of log) {
      if (u.seq > seq) break;
      Y.applyUpdate(ydoc, u.update);
    }
  });
  return ydoc;
}
