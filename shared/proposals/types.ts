/**
 * Proposals (suggestion mode) as plain records. They live in the Y.Doc's
 * root Y.Map "proposals" (id → Proposal as plain JSON), so they sync live and
 * go through the one pipeline like every other change. A proposal is created
 * only by its author's explicit action — never inferred from text changes —
 * so a remote edit can never turn into someone else's proposal.
 *
 * Whether a text proposal inserts, deletes or replaces words is derived from
 * the word diff of `base` → `text` (see ./diff.ts), not stored.
 */
import type { ParagraphId } from '../model/types';

/** Root Y.Map of the proposals: proposal id → Proposal. */
export const PROPOSALS_MAP = 'proposals';
/** Root Y.Map of the document's settings; `mode` is "editing" or "proposal". */
export const SETTINGS_MAP = 'settings';

export type DocumentMode = 'editing' | 'proposal';
export const DOCUMENT_MODES: readonly DocumentMode[] = ['editing', 'proposal'];

/**
 * text         new wording of a paragraph (insertion, deletion or replacement of words)
 * alternative  an alternative version of a whole paragraph ("OP5 alt")
 * delete       delete the paragraph (with its subparagraphs)
 * new          a new paragraph after `after.paragraph` ("4 bis")
 * move         move the paragraph after `after.paragraph`
 */
export type ProposalKind = 'text' | 'alternative' | 'delete' | 'new' | 'move';
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['text', 'alternative', 'delete', 'new', 'move'];

export type ProposalState = 'pending' | 'accepted' | 'rejected' | 'withdrawn';
export const PROPOSAL_STATES: readonly ProposalState[] = ['pending', 'accepted', 'rejected', 'withdrawn'];

export type ProposalSection = 'preamble' | 'operative';

export interface Decision {
  delegation: string | null;
  name: string;
  role: string;
  at: string;
  /** Decisions taken together (accept all of a delegation, all on a paragraph) share a batch; undo reverts a batch. */
  batch: string;
  /** For an accepted proposal: the log sequence number of the merge, and the paragraphs it changed (for undo). */
  merge?: { seq: number; paragraphs: ParagraphId[] };
}

export interface Proposal {
  id: string;
  kind: ProposalKind;
  /** The paragraph the proposal is about; for a new paragraph: null. */
  paragraph: ParagraphId | null;
  delegation: string;
  /** The delegate who wrote it. */
  name: string;
  /** The paragraph's text when the proposal was made ("" for a new paragraph). */
  base: string;
  /** The proposed text (text, alternative, new); "" for delete and move. */
  text: string;
  /** For new and move: where the paragraph goes (after this paragraph, null = first of the section). */
  after?: { paragraph: ParagraphId | null; section: ProposalSection };
  /** For a new paragraph: the id it will have once accepted (stable, so undo finds it). */
  newId?: ParagraphId;
  justification: string;
  /** ISO time. */
  created: string;
  state: ProposalState;
  decision?: Decision;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** Why a value is not a well-formed proposal, or null when it is one. */
export function proposalProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a proposal must be an object';
  const p = value as Record<string, unknown>;
  if (!isString(p.id) || !p.id) return 'a proposal needs an id';
  if (!PROPOSAL_KINDS.includes(p.kind as ProposalKind)) return `kind must be one of ${PROPOSAL_KINDS.join(', ')}`;
  if (!isString(p.delegation) || !p.delegation) return 'a proposal needs its delegation';
  if (!isString(p.name)) return 'a proposal needs the name of its author';
  if (!isString(p.base) || !isString(p.text)) return 'base and text must be strings';
  if (!isString(p.justification)) return 'justification must be a string';
  if (p.justification.length > 1000) return 'the justification is limited to 1000 characters';
  if (!isString(p.created) || Number.isNaN(Date.parse(p.created))) return 'created must be an ISO time';
  if (!PROPOSAL_STATES.includes(p.state as ProposalState)) return `state must be one of ${PROPOSAL_STATES.join(', ')}`;
  if (p.kind === 'new') {
    if (p.paragraph !== null) return 'a new paragraph has no target paragraph (paragraph: null)';
    if (!isString(p.newId) || !p.newId) return 'a new paragraph needs newId';
  } else if (!isString(p.paragraph) || !p.paragraph) return 'the proposal needs the id of its paragraph';
  if (p.kind === 'new' || p.kind === 'move') {
    const after = p.after as Record<string, unknown> | undefined;
    if (typeof after !== 'object' || after === null) return 'new and move need "after": {paragraph, section}';
    if (!(after.paragraph === null || isString(after.paragraph))) return 'after.paragraph must be a paragraph id or null';
    if (after.section !== 'preamble' && after.section !== 'operative') return 'after.section must be preamble or operative';
  }
  if ((p.kind === 'text' || p.kind === 'alternative' || p.kind === 'new') && !p.text.trim()) return 'the proposed text is empty';
  return null;
}

export const isProposal = (value: unknown): value is Proposal => proposalProblem(value) === null;

/** Proposals of a Y.Map's entries (anything malformed is left out). */
export function proposalsOf(entries: Iterable<unknown>): Proposal[] {
  const out: Proposal[] = [];
  for (const v of entries) if (isProposal(v)) out.push(v);
  return out.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
}

export const isPending = (p: Proposal) => p.state === 'pending';
