/**
 * The pipeline's authorize hook for the negotiation maps (status, comments):
 * reads what an update would write (writesOf, without applying it) and
 * refuses the whole update when any write breaks the rules of
 * shared/negotiation/permissions.ts. The connection stays open (like an
 * observer's edit): the refusal is a notice, and the server's state and
 * every other client are unaffected.
 */
import { CLOSE } from '../../shared/protocol/messages';
import { commentWriteError, resolutionWriteError, statusWriteError } from '../../shared/negotiation/permissions';
import { COMMENTS_MAP, RESOLVED_MAP, STATUS_MAP, type Actor, type Comment } from '../../shared/negotiation/types';
import { commentsMap } from '../../shared/negotiation/ydoc';
import type { Logger } from '../log';
import type { ConnectionContext } from '../collab/context';
import type { CollabDocument } from '../collab/document';
import { RefusedUpdate } from '../collab/pipeline';
import { writesOf, type RootWrite } from '../collab/update-writes';

const NEGOTIATION_ROOTS = new Set([STATUS_MAP, COMMENTS_MAP, RESOLVED_MAP]);

export const actorOf = (ctx: ConnectionContext): Actor => ({ delegation: ctx.identity.delegation, name: ctx.identity.name, role: ctx.role });

/** Per key of one map: the new values written (in update order) and whether an existing entry is deleted. */
function byKey(writes: RootWrite[]): Map<string, { values: unknown[]; deleted: boolean }> {
  const keys = new Map<string, { values: unknown[]; deleted: boolean }>();
  for (const w of writes) {
    const entry = keys.get(w.key!) ?? keys.set(w.key!, { values: [], deleted: false }).get(w.key!)!;
    if (w.deleted) entry.deleted = true;
    else entry.values.push(w.value);
  }
  return keys;
}

/** Why the update is refused, or null. Exported for tests of the rule wiring. */
export function negotiationWriteError(ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): string | null {
  const writes = writesOf(doc.ydoc, update).filter((w) => w.root !== null && NEGOTIATION_ROOTS.has(w.root));
  if (writes.length === 0) return null;
  if (ctx.role === 'system') return null;
  const actor = actorOf(ctx);
  const nested = writes.find((w) => w.key === null);
  if (nested) return `The ${nested.root} map holds plain values only`;

  for (const [key, { values, deleted }] of byKey(writes.filter((w) => w.root === STATUS_MAP))) {
    for (const value of values.length ? values : deleted ? [undefined] : []) {
      const error = statusWriteError(actor, key, value);
      if (error) return error;
    }
  }

  const comments = commentsMap(doc.ydoc);
  const current = new Map<string, Comment>(comments.entries());
  for (const [key, { values, deleted }] of byKey(writes.filter((w) => w.root === COMMENTS_MAP))) {
    for (const value of values.length ? values : deleted ? [undefined] : []) {
      const error = commentWriteError(actor, key, current.get(key), value);
      if (error) return error;
    }
  }

  for (const [key, { values, deleted }] of byKey(writes.filter((w) => w.root === RESOLVED_MAP))) {
    for (const value of values.length ? values : deleted ? [undefined] : []) {
      const error = resolutionWriteError(actor, key, current.get(key), value);
      if (error) return error;
    }
  }
  return null;
}

export function authorizeNegotiation(log: Logger) {
  return (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): void => {
    const error = negotiationWriteError(ctx, doc, update);
    if (!error) return;
    log.warn('refused a status or comment write', { conn: ctx.connectionId, doc: doc.id, delegation: ctx.identity.delegation, role: ctx.role, error });
    throw new RefusedUpdate(error, CLOSE.forbidden, true);
  };
}
