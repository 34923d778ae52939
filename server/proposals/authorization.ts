/**
 * The pipeline's authorize hook for proposal mode and the proposal records
 * (read with writesOf, before anything is applied):
 *
 * - `settings` (the document mode): facilitator, secretariat, administrator.
 * - `proposals`: every value must be a well-formed proposal under its own id.
 *   A delegation may create or change only its own delegation's entries, and
 *   only while they are pending or withdrawn (it cannot forge, decide,
 *   remove or alter another's; it withdraws its own); the facilitator, the secretariat and the administrator
 *   may do more (deciding goes through the API, server/proposals/service.ts).
 * - The body (`resolution`, `masthead`) in proposal mode: only the facilitator,
 *   the secretariat, the administrator and the server — including the merge of
 *   an accepted proposal under the proposer's identity (context.merging).
 *
 * A refused update keeps the connection open (like an observer's), so the
 * client can show the notice. Other roots (status, comments…) have their own rules.
 */
import { CLOSE } from '../../shared/protocol/messages';
import { BODY_FIELD, MASTHEAD_MAP } from '../../shared/editor/schema';
import { readMode } from '../../shared/proposals/ydoc';
import { DOCUMENT_MODES, PROPOSALS_MAP, SETTINGS_MAP, proposalProblem, type Proposal } from '../../shared/proposals/types';
import type { ConnectionContext } from '../collab/context';
import type { CollabDocument } from '../collab/document';
import { RefusedUpdate } from '../collab/pipeline';
import { writesOf } from '../collab/update-writes';
import type { Logger } from '../log';

const PRIVILEGED = new Set(['facilitator', 'secretariat', 'admin', 'system']);
const OPEN_STATES = new Set(['pending', 'withdrawn']);

export function proposalRules(log: Logger) {
  return (ctx: ConnectionContext, doc: CollabDocument, update: Uint8Array): void => {
    if (ctx.role === 'observer') return; // refused by refuseObserverWrites
    const writes = writesOf(doc.ydoc, update);
    const refuse = (message: string): never => {
      log.warn('refused an update (proposals)', { conn: ctx.connectionId, doc: doc.id, delegation: ctx.identity.delegation, role: ctx.role, reason: message });
      throw new RefusedUpdate(message, CLOSE.forbidden, true);
    };
    const privileged = PRIVILEGED.has(ctx.role);
    const own = ctx.identity.delegation;
    const proposals = doc.ydoc.getMap<unknown>(PROPOSALS_MAP);
    // An entry deleted without a new value in the same update is removed, not replaced.
    const rewritten = new Set(writes.filter((w) => w.root === PROPOSALS_MAP && !w.deleted).map((w) => w.key));
    for (const w of writes) {
      if (w.root === SETTINGS_MAP) {
        if (!privileged) refuse('Only the facilitator or the secretariat can change the document’s mode');
        if (!w.deleted && w.key === 'mode' && !DOCUMENT_MODES.includes(w.value as never)) refuse(`The mode must be one of ${DOCUMENT_MODES.join(', ')}`);
      } else if (w.root === PROPOSALS_MAP) {
        if (w.key === null) refuse('A proposal is a plain record in the "proposals" map; nested types are not allowed');
        if (!w.deleted) {
          const problem = proposalProblem(w.value);
          if (problem) refuse(`Malformed proposal "${w.key}": ${problem}`);
          const p = w.value as Proposal;
          if (p.id !== w.key) refuse(`Proposal "${w.key}" must carry its own id`);
          if (!privileged) {
            if (p.delegation !== own) refuse(`You can only make proposals as ${own}, not as ${p.delegation}`);
            if (!OPEN_STATES.has(p.state) || p.decision) refuse('Only the facilitator or the secretariat can accept or reject a proposal');
          }
        }
        if (!privileged) {
          const old = proposals.get(w.key!) as Proposal | undefined;
          if (old && old.delegation !== own) refuse(`Proposal "${w.key}" belongs to ${old.delegation}: you cannot change it`);
          if (old && !OPEN_STATES.has(old.state)) refuse(`Proposal "${w.key}" was ${old.state} already`);
          if (w.deleted && !old) continue;
          if (w.deleted && !rewritten.has(w.key)) refuse(`Proposal "${w.key}" cannot be removed: withdraw it instead`);
        }
      } else if (w.root === BODY_FIELD || w.root === MASTHEAD_MAP) {
        if (privileged || ctx.merging) continue;
        if (readMode(doc.ydoc) === 'proposal') refuse('The document is in proposal mode: make a proposal instead (only the facilitator and the secretariat edit the text)');
      }
    }
  };
}
