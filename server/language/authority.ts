/**
 * How much weight a prior text carries in a negotiation: adopted acts of the
 * same body first, then other bodies' adopted acts, drafts, working-group
 * recommendations, and chairs' summaries last. Lower rank = more authority.
 */
import type { CorpusKind } from './corpus';

const KIND_RANK: Record<CorpusKind, number> = { resolution: 1, draft: 2, recommendations: 3, 'chair-summary': 4 };

export const normalizeBodyName = (body: string) => body.replace(/^the\s+/i, '').replace(/[,\s]+$/, '').replace(/\s+/g, ' ').toLowerCase();

/** `body`: the drafting body (normalized); without one, every adopted act counts as "same body". */
export function authorityRank(doc: { kind: CorpusKind; body: string }, body?: string): number {
  if (doc.kind === 'resolution' && (!body || normalizeBodyName(doc.body) === body)) return 0;
  return KIND_RANK[doc.kind];
}
