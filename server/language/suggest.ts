/**
 * Suggestions as the API and the editor show them: the prior paragraph's
 * text, its score, where it comes from, and how it differs from what is typed.
 */
import { describeSource, type CorpusKind, type CorpusMeta } from './corpus';
import { countChanges, wordDiff, type DiffPart } from './diff';
import type { LanguageIndex, Match, PreparedQuery, SearchOptions } from './index';
import { tokenize } from './tokens';

export interface SuggestionSource {
  /** Symbol or number: "resolution 10/2". */
  document: string;
  title: string;
  kind: CorpusKind;
  body: string;
  date: string;
  paragraph: string;
  /** "Conference resolution 10/2, OP11, 2020" */
  citation: string;
}

export interface Suggestion {
  text: string;
  score: number;
  source: SuggestionSource;
  diff: DiffPart[];
  /** Places where the prior paragraph differs from the query. */
  changes: number;
}

export function toSuggestion(index: LanguageIndex, query: PreparedQuery, match: Match): Suggestion {
  const { document, label, text } = index.paragraph(match.paragraph);
  const diff = wordDiff(query, { text, tokens: tokenize(text) }, match.alignment.pairs);
  return { text, score: Math.round(match.quality * 1000) / 1000, source: sourceOf(document, label), diff, changes: countChanges(diff) };
}

export function sourceOf(document: CorpusMeta, paragraph: string): SuggestionSource {
  return {
    document: document.symbol || document.title || document.id,
    title: document.title,
    kind: document.kind,
    body: document.body,
    date: document.date,
    paragraph,
    citation: describeSource(document, paragraph),
  };
}

export function suggest(index: LanguageIndex, text: string, options: SearchOptions = {}): Suggestion[] {
  const query = index.prepare(text, options.partialLastWord);
  return index.search(query, options).map((m) => toSuggestion(index, query, m));
}
