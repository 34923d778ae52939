/**
 * The provenance map of a draft: for each paragraph, which spans repeat
 * prior text (and from where) and which are new. A span counts as agreed
 * language when at least MIN_RUN consecutive words match a prior paragraph;
 * single shared words ("the", "States") are not agreed language.
 */
import type { LanguageIndex, SearchOptions } from './index';
import { sourceOf, type SuggestionSource } from './suggest';

export const MIN_RUN = 4;
/** Prior paragraphs compared with each paragraph of the draft. */
const SOURCES_PER_PARAGRAPH = 6;

export interface ProvenanceSpan {
  start: number;
  end: number;
  text: string;
  /** Absent for new language. */
  source?: SuggestionSource;
}

export interface ParagraphProvenance {
  /** The paragraph's id and label in the draft, when known. */
  id?: string;
  label?: string;
  spans: ProvenanceSpan[];
  /** Share of the paragraph's words (by characters) that are agreed language, 0…1. */
  agreedShare: number;
}

export interface DocumentProvenance {
  paragraphs: ParagraphProvenance[];
  agreedShare: number;
}

export interface DraftParagraph {
  id?: string;
  label?: string;
  text: string;
}

export function paragraphProvenance(index: LanguageIndex, paragraph: DraftParagraph, options: Pick<SearchOptions, 'before' | 'body'> = {}): ParagraphProvenance {
  const q = index.prepare(paragraph.text, false);
  const owner: number[] = new Array(q.tokens.length).fill(-1);
  const matches = index.search(q, { ...options, limit: SOURCES_PER_PARAGRAPH, candidates: 24 });
  // Best source first: each word belongs to the first source that covers it in a long enough run.
  matches.forEach((m, rank) => {
    const pairs = m.alignment.pairs;
    let runStart = 0;
    for (let k = 1; k <= pairs.length; k++) {
      const continues = k < pairs.length && pairs[k][0] === pairs[k - 1][0] + 1 && pairs[k][1] === pairs[k - 1][1] + 1;
      if (continues) continue;
      if (k - runStart >= MIN_RUN) for (let r = runStart; r < k; r++) if (owner[pairs[r][0]] < 0) owner[pairs[r][0]] = rank;
      runStart = k;
    }
  });
  const sources = matches.map((m) => {
    const { document, label } = index.paragraph(m.paragraph);
    return sourceOf(document, label);
  });
  const spans: ProvenanceSpan[] = [];
  let agreed = 0;
  let total = 0;
  const text = paragraph.text;
  for (let k = 0; k < q.tokens.length; ) {
    let end = k;
    while (end + 1 < q.tokens.length && owner[end + 1] === owner[k]) end++;
    // A span runs from its first word to the start of the next span (punctuation and spaces included).
    const start = k === 0 ? 0 : q.tokens[k].start;
    const stop = end + 1 < q.tokens.length ? q.tokens[end + 1].start : text.length;
    const span: ProvenanceSpan = { start, end: stop, text: text.slice(start, stop) };
    if (owner[k] >= 0) span.source = sources[owner[k]];
    spans.push(span);
    for (let r = k; r <= end; r++) {
      const len = q.tokens[r].end - q.tokens[r].start;
      total += len;
      if (owner[k] >= 0) agreed += len;
    }
    k = end + 1;
  }
  if (!q.tokens.length && text) spans.push({ start: 0, end: text.length, text });
  const out: ParagraphProvenance = { spans, agreedShare: total ? round(agreed / total) : 0 };
  if (paragraph.id) out.id = paragraph.id;
  if (paragraph.label) out.label = paragraph.label;
  return out;
}

export function documentProvenance(index: LanguageIndex, paragraphs: DraftParagraph[], options: Pick<SearchOptions, 'before' | 'body'> = {}): DocumentProvenance {
  const out = paragraphs.map((p) => paragraphProvenance(index, p, options));
  let agreed = 0;
  let total = 0;
  for (const p of out) {
    for (const s of p.spans) {
      const len = s.text.replace(/[^\p{L}\p{N}]/gu, '').length;
      total += len;
      if (s.source) agreed += len;
    }
  }
  return { paragraphs: out, agreedShare: total ? round(agreed / total) : 0 };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
