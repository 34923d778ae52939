/**
 * Back to pending when agreed text changes: an after-apply hook. When an
 * accepted update changes the content of a paragraph marked agreed or ad
 * ref, the server sets it back to pending, saying who changed it, as a
 * change of its own (role system) through the pipeline, so it is logged and
 * broadcast like any other.
 *
 * "Changed" means the paragraph's content differs from the content recorded
 * when it was marked (StatusEntry.text): a move re-creates the paragraph
 * with the same id and content and changes nothing; typing and undoing
 * within one update changes nothing either. It does not loop: the server's
 * own change (role system) is skipped, and after it the status is pending.
 * Status- and comment-only updates touch no paragraph content.
 */
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { paragraphElement, paragraphFingerprint, setStatus, statusMap } from '../../shared/negotiation/ydoc';
import type { Actor } from '../../shared/negotiation/types';
import type { ConnectionContext } from '../collab/context';
import type { CollabDocument } from '../collab/document';
import type { UpdatePipeline } from '../collab/pipeline';
import type { DocumentRegistry } from '../collab/registry';
import { changeOnBehalf } from '../collab/server-peer';
import type { Logger } from '../log';
import { STATUS_MAP } from '../../shared/negotiation/types';
import { actorOf } from './authorize';
import { mapKeysWritten, paragraphsTouched } from './touched';

/** Whether the paragraph's status is agreed/ad ref and its content is no longer what was agreed. */
export function agreedTextChanged(ydoc: Y.Doc, id: string, touched: boolean): boolean {
  const entry = statusMap(ydoc).get(id);
  if (!entry || entry.status === 'pending') return false;
  const el = paragraphElement(ydoc, id);
  if (!el) return false; // deleted: the status waits in case the paragraph is restored
  if (entry.text === undefined) return touched;
  return paragraphFingerprint(el) !== entry.text;
}

export const MARKED_ON_OLD_TEXT = 'the text changed while it was being marked';
export const reasonFor = (who: Actor) => `changed by ${who.delegation} (${who.name})`;

export class ResetOnChange {
  private deps: { registry: DocumentRegistry; pipeline: UpdatePipeline } | null = null;

  constructor(private readonly log: Logger) {}

  /** The pipeline is built with this hook, so it is attached afterwards. */
  attach(deps: { registry: DocumentRegistry; pipeline: UpdatePipeline }): void {
    this.deps = deps;
  }

  changed = (doc: CollabDocument, update: Uint8Array, ctx: ConnectionContext): void => {
    if (ctx.role === 'system' || !this.deps) return;
    const statuses = statusMap(doc.ydoc);
    if (statuses.size === 0) return;
    const touched = paragraphsTouched(doc.ydoc, update);
    // A status set on text that changed meanwhile (a concurrent edit) is not agreed either.
    const marked = mapKeysWritten(doc.ydoc, update, STATUS_MAP);
    const candidates = new Set([...touched, ...marked].filter((id) => statuses.has(id)));
    if (candidates.size === 0) return;
    const who = actorOf(ctx);
    const due = [...candidates]
      .filter((id) => agreedTextChanged(doc.ydoc, id, touched.has(id)))
      .map((id) => ({ id, reason: touched.has(id) ? reasonFor(who) : MARKED_ON_OLD_TEXT }));
    if (due.length) void this.reset(doc.id, due, who);
  };

  private async reset(documentId: string, due: { id: string; reason: string }[], who: Actor): Promise<void> {
    const context: ConnectionContext = {
      connectionId: `negotiation:${randomUUID()}`,
      documentId,
      identity: { delegation: 'Penholder', name: 'Penholder' },
      role: 'system',
      participantId: null,
      sessionId: null,
    };
    try {
      await changeOnBehalf(this.deps!, context, (copy) =>
        copy.transact(() => {
          // Checked again on the current state: an earlier reset may have done it already.
          for (const { id, reason } of due) if (agreedTextChanged(copy, id, true)) setStatus(copy, id, 'pending', who, reason);
        }),
      );
      this.log.info('paragraph status back to pending', { doc: documentId, paragraphs: due.map((d) => d.id).join(','), reason: due[0].reason });
    } catch (err) {
      this.log.error('could not reset a paragraph status', { doc: documentId, error: (err as Error).message });
    }
  }
}
