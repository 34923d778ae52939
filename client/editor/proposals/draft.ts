/**
 * A proposal being written. Typing into the text in proposal mode opens one
 * (see ./extension.ts: the keystroke is applied to the draft, not the text);
 * so do the Propose commands. Pure helpers to make the record from it.
 */
import { newProposal } from '../../../shared/proposals/create';
import type { Proposal, ProposalKind, ProposalSection } from '../../../shared/proposals/types';

export interface Draft {
  kind: ProposalKind;
  /** The paragraph it is about (for new: the one it goes after). */
  paragraph: string | null;
  /** "OP5": what the draft's title shows. */
  label: string;
  section: ProposalSection;
  /** The paragraph's text now (the proposal's base). */
  base: string;
  text: string;
  /** Where the caret goes in the text box (after the keystroke that opened the draft). */
  caret?: number;
  /** For move: the paragraph it goes after. */
  after?: string | null;
}

export function proposalFromDraft(draft: Draft, who: { delegation: string; name: string }, justification: string): Proposal {
  const common = { delegation: who.delegation, name: who.name, justification };
  if (draft.kind === 'new') return newProposal({ ...common, kind: 'new', text: draft.text.trim(), after: { paragraph: draft.paragraph, section: draft.section } });
  if (draft.kind === 'move') return newProposal({ ...common, kind: 'move', paragraph: draft.paragraph!, base: draft.base, after: { paragraph: draft.after ?? null, section: draft.section } });
  return newProposal({ ...common, kind: draft.kind, paragraph: draft.paragraph!, base: draft.base, text: draft.kind === 'delete' ? '' : draft.text });
}

/** Why the draft cannot be submitted yet, or null. */
export function draftProblem(draft: Draft): string | null {
  if ((draft.kind === 'text' || draft.kind === 'alternative' || draft.kind === 'new') && !draft.text.trim()) return 'Write the proposed text';
  if (draft.kind === 'text' && draft.text === draft.base) return 'The text is unchanged';
  if (draft.kind === 'move' && draft.after === undefined) return 'Choose where the paragraph goes';
  return null;
}
