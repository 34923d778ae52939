/**
 * Changes made offline in editing mode that the server refused because the
 * document went into proposal mode meanwhile: turned into proposals
 * (shared/proposals/unsent.ts) and kept in this browser across the reload
 * that takes the server's text, then submitted once that text is here.
 * Reconnecting loses nothing the delegate wrote.
 */
import { readResolutionFromYDoc } from '../../../shared/editor/ydoc';
import type { Resolution } from '../../../shared/model/types';
import { newProposal } from '../../../shared/proposals/create';
import { proposalsFromUnsent, type UnsentChanges } from '../../../shared/proposals/unsent';
import { putProposal } from '../../../shared/proposals/ydoc';
import type { EditingSession } from '../session';

/** What was kept across the reload: the proposals and what could not become one. */
export type KeptChanges = UnsentChanges;

const keyOf = (session: EditingSession) => `penholder:unsent-proposals:${session.documentId}:${session.identity.participantId ?? 'admin'}`;

/** Compares this copy with the server's text, keeps the differences as proposals, and reloads. */
export async function keepUnsentAsProposals(session: EditingSession): Promise<void> {
  const res = await fetch(`/api/documents/${encodeURIComponent(session.documentId)}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`the server's text could not be read (${res.status}); nothing was discarded`);
  const { resolution } = (await res.json()) as { resolution: Resolution };
  const kept: KeptChanges = proposalsFromUnsent(resolution, readResolutionFromYDoc(session.doc), session.identity);
  localStorage.setItem(keyOf(session), JSON.stringify(kept));
  session.discardLocalCopy();
  location.reload();
}

/** After the reload, with the server's text here: submits what was kept (once). */
export function submitKeptProposals(session: EditingSession): KeptChanges | null {
  const saved = localStorage.getItem(keyOf(session));
  if (!saved) return null;
  localStorage.removeItem(keyOf(session));
  let kept: KeptChanges;
  try {
    kept = JSON.parse(saved) as KeptChanges;
  } catch {
    return null;
  }
  for (const input of kept.proposals) putProposal(session.doc, newProposal(input));
  return kept;
}
