/**
 * Changes a delegation made offline, in editing mode, that the server
 * refused because the document went into proposal mode meanwhile: turned
 * into proposals, so that reconnecting loses nothing. Compared by stable
 * paragraph id with the server's text:
 *
 *   a paragraph whose text differs      → new wording ("text") of it
 *   a paragraph only this copy has      → a new paragraph after the one before it
 *   a paragraph this copy deleted       → its deletion
 *
 * Subparagraphs count as their own paragraphs for wording; a subparagraph
 * added or deleted offline is reported as not carried over (proposals of
 * new paragraphs and deletions are about preambular and operative
 * paragraphs). Pure.
 */
import type { Resolution } from '../model/types';
import type { ProposalInput } from './create';
import { flatParagraphs } from './labels';

export const UNSENT_JUSTIFICATION = 'Written offline before the document went into proposal mode.';

export interface UnsentChanges {
  proposals: ProposalInput[];
  /** Labels (in this copy, or the server's for deletions) of changes that cannot become proposals. */
  notCarried: string[];
}

export function proposalsFromUnsent(server: Resolution, local: Resolution, who: { delegation: string; name: string }): UnsentChanges {
  const theirs = flatParagraphs(server);
  const ours = flatParagraphs(local);
  const serverById = new Map(theirs.map((p) => [p.id, p]));
  const localIds = new Set(ours.map((p) => p.id));
  const common = { delegation: who.delegation, name: who.name, justification: UNSENT_JUSTIFICATION };
  const proposals: ProposalInput[] = [];
  const notCarried: string[] = [];

  let previousKnown: { id: string | null; section: string } = { id: null, section: 'preamble' };
  for (const p of ours) {
    const onServer = serverById.get(p.id);
    const topLevel = p.unit === p.id;
    if (p.section !== previousKnown.section) previousKnown = { id: null, section: p.section };
    if (onServer) {
      if (onServer.text !== p.text) proposals.push({ ...common, kind: 'text', paragraph: p.id, base: onServer.text, text: p.text });
      if (topLevel) previousKnown = { id: p.id, section: p.section };
    } else if (!topLevel) {
      notCarried.push(`new subparagraph ${p.label}`);
    } else if (p.text.trim()) {
      proposals.push({ ...common, kind: 'new', text: p.text, after: { paragraph: previousKnown.id, section: p.section } });
    }
  }
  for (const p of theirs) {
    if (localIds.has(p.id)) continue;
    if (p.unit !== p.id) {
      if (localIds.has(p.unit)) notCarried.push(`deletion of ${p.label}`);
      continue; // deleted with its paragraph: that deletion is proposed below
    }
    proposals.push({ ...common, kind: 'delete', paragraph: p.id, base: p.text });
  }
  return { proposals, notCarried };
}
