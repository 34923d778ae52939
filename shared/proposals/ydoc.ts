/**
 * Proposals and the document mode in the Y.Doc: root Y.Map "proposals"
 * (id → Proposal, plain JSON) and root Y.Map "settings" (mode). The client
 * and the tests write through these; the server's authorize hook checks
 * who may write what (server/proposals/authorization.ts).
 */
import type * as Y from 'yjs';
import { PROPOSALS_MAP, SETTINGS_MAP, proposalsOf, type DocumentMode, type Proposal } from './types';

export const proposalsMap = (ydoc: Y.Doc) => ydoc.getMap<unknown>(PROPOSALS_MAP);
export const settingsMap = (ydoc: Y.Doc) => ydoc.getMap<unknown>(SETTINGS_MAP);

export const readProposals = (ydoc: Y.Doc): Proposal[] => proposalsOf(proposalsMap(ydoc).values());

export function readProposal(ydoc: Y.Doc, id: string): Proposal | null {
  return proposalsOf([proposalsMap(ydoc).get(id)])[0] ?? null;
}

/** Writes (creates or replaces) a proposal record. */
export function putProposal(ydoc: Y.Doc, p: Proposal): void {
  proposalsMap(ydoc).set(p.id, JSON.parse(JSON.stringify(p)) as unknown);
}

export function readMode(ydoc: Y.Doc): DocumentMode {
  return settingsMap(ydoc).get('mode') === 'proposal' ? 'proposal' : 'editing';
}

export function writeMode(ydoc: Y.Doc, mode: DocumentMode): void {
  if (readMode(ydoc) !== mode) settingsMap(ydoc).set('mode', mode);
}
