/**
 * Reading a document's negotiation state for the API: opens the document
 * through the registry (as the live session sees it), reads, and lets go.
 */
import type * as Y from 'yjs';
import { readResolutionFromYDoc } from '../../shared/editor/ydoc';
import { summarize, type Summary } from '../../shared/negotiation/summary';
import { threadsOf, type Thread } from '../../shared/negotiation/threads';
import type { Comment } from '../../shared/negotiation/types';
import { readComments, readResolutions, readStatuses } from '../../shared/negotiation/ydoc';
import type { ConnectionContext } from '../collab/context';
import type { Peer } from '../collab/peer';
import type { DocumentRegistry } from '../collab/registry';

class Reader implements Peer {
  constructor(readonly context: ConnectionContext) {}
  send(): void {}
  close(): void {}
}

/** Runs `read` on the document's live Y.Doc; null for an unknown document. */
export async function readDocument<T>(registry: DocumentRegistry, documentId: string, read: (ydoc: Y.Doc) => T): Promise<T | null> {
  const peer = new Reader({ connectionId: `read:${documentId}`, documentId, identity: { delegation: 'Penholder', name: 'Penholder' }, role: 'system', participantId: null, sessionId: null });
  const doc = await registry.acquire(documentId, peer);
  if (!doc) return null;
  try {
    return read(doc.ydoc);
  } finally {
    registry.release(doc, peer);
  }
}

export const negotiationSummaryOf = (ydoc: Y.Doc): Summary => summarize(readResolutionFromYDoc(ydoc), readStatuses(ydoc));
export const commentsOf = (ydoc: Y.Doc): { comments: Comment[]; threads: Thread[] } => {
  const comments = readComments(ydoc);
  return { comments: [...comments.values()], threads: threadsOf(comments, readResolutions(ydoc)) };
};
