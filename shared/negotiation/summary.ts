/**
 * The document's negotiation summary, derived from the text and the status
 * map: how many paragraphs are agreed, agreed ad referendum, pending, and
 * bracketed.
 *
 * The paragraphs counted are the preambular and operative paragraphs and
 * every subparagraph (each has its own id and status); the title, the
 * authority line and footnotes are not negotiated paragraph by paragraph.
 * The four counts are disjoint and add up to `total`: a paragraph whose
 * text has square brackets (see brackets.ts: bracketed text, alternatives,
 * or an unbalanced bracket) counts as **bracketed** whatever its status,
 * and is shown as not agreed; every other paragraph counts under its status
 * (no entry: pending).
 */
import type { Resolution } from '../model/types';
import { flattenParagraphs } from '../validation/paragraphs';
import { bracketSpans, hasBrackets, type BracketSpan } from './brackets';
import { STATUS_LABELS, type ParagraphStatus, type StatusEntry } from './types';

export type Standing = ParagraphStatus | 'bracketed';

export interface ParagraphStanding {
  id: string;
  label: string;
  /** The status set by the facilitator (pending when none). */
  status: ParagraphStatus;
  /** What the paragraph counts as: its status, or bracketed. */
  standing: Standing;
  /** Agreed in the sense of the summary: status agreed and nothing in brackets. */
  agreed: boolean;
  brackets: BracketSpan[];
  entry: StatusEntry | null;
}

export interface Summary {
  agreed: number;
  adRef: number;
  pending: number;
  bracketed: number;
  total: number;
  paragraphs: ParagraphStanding[];
}

export const statusOf = (entry: StatusEntry | null | undefined): ParagraphStatus => entry?.status ?? 'pending';

export function summarize(resolution: Resolution, statuses: ReadonlyMap<string, StatusEntry> | Record<string, StatusEntry>): Summary {
  const lookup = (id: string): StatusEntry | null => (statuses instanceof Map ? statuses.get(id) : (statuses as Record<string, StatusEntry>)[id]) ?? null;
  const summary: Summary = { agreed: 0, adRef: 0, pending: 0, bracketed: 0, total: 0, paragraphs: [] };
  for (const p of flattenParagraphs(resolution)) {
    const entry = lookup(p.id);
    const status = statusOf(entry);
    const bracketed = hasBrackets(p.text);
    const standing: Standing = bracketed ? 'bracketed' : status;
    summary.paragraphs.push({ id: p.id, label: p.label, status, standing, agreed: standing === 'agreed', brackets: bracketed ? bracketSpans(p.text) : [], entry });
    summary.total++;
    if (standing === 'agreed') summary.agreed++;
    else if (standing === 'ad-ref') summary.adRef++;
    else if (standing === 'pending') summary.pending++;
    else summary.bracketed++;
  }
  return summary;
}

/** "12 agreed · 3 ad ref · 8 pending · 2 bracketed" */
export const summaryLine = (s: Pick<Summary, 'agreed' | 'adRef' | 'pending' | 'bracketed'>): string =>
  `${s.agreed} agreed · ${s.adRef} ad ref · ${s.pending} pending · ${s.bracketed} bracketed`;

/** The label shown in the margin: the status, or "Bracketed" when brackets overrule it. */
export const standingLabel = (standing: Standing): string => (standing === 'bracketed' ? 'Bracketed' : STATUS_LABELS[standing]);
