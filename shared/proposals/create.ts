/** Making a proposal record from what a delegate did (pure; the id and time are passed in or generated). */
import { newParagraphId } from '../model/ids';
import type { ParagraphId } from '../model/types';
import type { Proposal, ProposalKind, ProposalSection } from './types';

export interface ProposalInput {
  kind: ProposalKind;
  delegation: string;
  name: string;
  /** The target paragraph (not for new). */
  paragraph?: ParagraphId;
  /** The target paragraph's current text (not for new). */
  base?: string;
  text?: string;
  after?: { paragraph: ParagraphId | null; section: ProposalSection };
  justification?: string;
  /** Defaults: a fresh id, now. */
  id?: string;
  created?: string;
}

export function newProposal(input: ProposalInput): Proposal {
  const id = input.id ?? `pr${newParagraphId().slice(1)}`;
  const p: Proposal = {
    id,
    kind: input.kind,
    paragraph: input.kind === 'new' ? null : (input.paragraph ?? null),
    delegation: input.delegation,
    name: input.name,
    base: input.kind === 'new' ? '' : (input.base ?? ''),
    text: input.kind === 'delete' || input.kind === 'move' ? '' : (input.text ?? ''),
    justification: (input.justification ?? '').trim(),
    created: input.created ?? new Date().toISOString(),
    state: 'pending',
  };
  if (input.kind === 'new' || input.kind === 'move') p.after = input.after ?? { paragraph: null, section: 'operative' };
  if (input.kind === 'new') p.newId = newParagraphId();
  return p;
}
