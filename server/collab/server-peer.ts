/**
 * Changes the server makes on someone's behalf (e.g. the secretariat
 * restoring a paragraph from the API). They take the same path as every
 * other change — the pipeline, with its authorize hooks, attribution, log
 * and broadcast — from a peer that has no socket.
 */
import * as Y from 'yjs';
import type { ConnectionContext } from './context';
import type { Peer } from './peer';
import type { UpdatePipeline } from './pipeline';
import type { DocumentRegistry } from './registry';

class ServerPeer implements Peer {
  constructor(readonly context: ConnectionContext) {}
  send(): void {}
  close(): void {}
}

/**
 * Opens the document, lets `edit` change a private copy of it, and sends the
 * difference through the pipeline as `context`. Resolves with the new log
 * sequence number, `unchanged` when the edit changed nothing, or null for an
 * unknown document.
 */
export async function changeOnBehalf(
  deps: { registry: DocumentRegistry; pipeline: UpdatePipeline },
  context: ConnectionContext,
  edit: (copy: Y.Doc) => void,
): Promise<number | 'unchanged' | null> {
  const peer = new ServerPeer(context);
  const doc = await deps.registry.acquire(context.documentId, peer);
  if (!doc) return null;
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc.ydoc));
    const before = Y.encodeStateVector(copy);
    let changed = false;
    copy.on('update', () => (changed = true));
    edit(copy);
    if (!changed) return 'unchanged';
    const seq = await deps.pipeline.applyClientUpdate(peer, doc, Y.encodeStateAsUpdate(copy, before));
    return seq ?? 'unchanged';
  } finally {
    copy.destroy();
    deps.registry.release(doc, peer);
  }
}
